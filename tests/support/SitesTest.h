#pragma once
// The base of an end-to-end test class whose test functions each make their own sites
// (SiteSet): derive from it instead of QObject. Qt Test runs its private slots as the test's
// own: initTestCase() checks that the harness's servers and the daemon are there, init()
// gives each test function a fresh SiteSet, cleanup() stops its engines. The test functions
// use m_servers, m_sites and m_watchedTables, and WAIT_FOR below.
#include <QObject>
#include <QStringList>

#include <memory>

#include "Servers.h"
#include "SiteSet.h"

namespace testsupport {

class SitesTest : public QObject {
    Q_OBJECT
protected:
    // How long a change may take to reach the other site(s).
    static constexpr int kSyncTimeoutMs = 45000;

    Servers m_servers;
    std::unique_ptr<SiteSet> m_sites; // the sites of the running test function
    QStringList m_watchedTables;      // dumped by a failed WAIT_FOR

private slots:
    void initTestCase();
    void init();
    void cleanup();
};

} // namespace testsupport

// In a SitesTest's test function: waits for `cond` (re-evaluated while the event loop spins);
// on timeout prints the state of every site of the test and fails it. The engines print their
// logs when they are destroyed.
#define WAIT_FOR(cond, timeoutMs) SITES_WAIT(*m_sites, m_watchedTables, cond, timeoutMs)
