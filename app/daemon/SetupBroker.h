#pragma once
// `mysql-sync setup-broker …`: writes a CA, broker and site certificates, a Mosquitto
// password file, ACL file and mosquitto.conf, and one ready configuration per site.
#include <QStringList>

// `arguments` are the program's arguments (arguments[0] the program, [1] "setup-broker").
int runSetupBroker(const QStringList &arguments);
