#include "SitesTest.h"

#include <QTest>

#include "EngineProcess.h"

namespace testsupport {

void SitesTest::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
}

void SitesTest::init()
{
    m_sites = std::make_unique<SiteSet>(m_servers);
    m_watchedTables.clear();
}

void SitesTest::cleanup()
{
    m_sites.reset(); // stops the engines of the test
    m_watchedTables.clear();
}

} // namespace testsupport
