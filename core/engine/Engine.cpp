#include "engine/Engine.h"

namespace mysqlsync {

Engine::Engine(QObject *parent)
    : QObject(parent)
{ }

Engine::~Engine() = default;

} // namespace mysqlsync
