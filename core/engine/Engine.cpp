#include "engine/Engine.h"

namespace mysqlsync {

Engine::Engine(QObject *parent)
    : EngineReports(parent)
{ }

Engine::~Engine() = default;

} // namespace mysqlsync
