#pragma once
// Turns the password references of a configuration ({"keychain": …}, {"env": …},
// {"file": …}) into the passwords themselves, before the engine starts.
#include "config/Config.h"

namespace mysqlsync {

class SecretResolver {
public:
    // Resolves mqttConfig.password and mysqlConfig.password in place. On failure `error` is
    // one line naming the file, the key and what to do; it never contains a secret.
    static bool resolve(Config *config, QString *error, int keychainTimeoutMs = 20000);
    // One reference; `out` receives the secret.
    static bool resolve(const SecretRef &ref, QString *out, QString *error, int keychainTimeoutMs = 20000);
};

} // namespace mysqlsync
