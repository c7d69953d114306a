#pragma once
// Turns the password references of a configuration ({"keychain": …}, {"env": …},
// {"file": …}) into the passwords themselves, before the engine starts.
#include "config/Config.h"
#include "security/SecretJob.h"

namespace mysqlsync {

class SecretResolver {
public:
    // Resolves mqttConfig.password, mysqlConfig.password, mysqlConfig.transformerPassword and
    // feed.publishToken in place. On failure `error` is
    // one line naming the file, the key and what to do; it never contains a secret.
    static bool resolve(Config *config, QString *error, int keychainTimeoutMs = 20000);
    // One reference; `out` receives the secret.
    static bool resolve(const SecretRef &ref, QString *out, QString *error, int keychainTimeoutMs = 20000);
    // The outcome of a keychain read of `ref` (blocking or a finished SecretJob): true with
    // `out` set, or false with `error` as resolve() words it.
    static bool keychainResult(const SecretRef &ref, SecretJob::Error e, const QString &detail, const QString &secret,
                               QString *out, QString *error);
    // `message` (from resolve(ref, …) or keychainResult) as resolve(config, …) reports it: with the file.
    static QString inFile(const Config &config, const QString &message);
};

} // namespace mysqlsync
