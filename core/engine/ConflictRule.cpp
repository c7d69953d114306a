#include "engine/ConflictRule.h"

namespace mysqlsync {

bool ConflictRule::newer(const RowVersion &a, const RowVersion &b)
{
    if (a.time != b.time)
        return a.time > b.time;
    return a.origin < b.origin;
}

ConflictWinner ConflictRule::decide(const ConflictPolicy &policy, const RowVersion &local, const RowVersion &remote)
{
    switch (policy.kind) {
    case ConflictPolicy::Kind::Manual:
        return ConflictWinner::Open;
    case ConflictPolicy::Kind::Priority: {
        auto rank = [&](const QString &site) {
            const qsizetype i = policy.sites.indexOf(site);
            return i < 0 ? policy.sites.size() : i;
        };
        const qsizetype l = rank(local.origin);
        const qsizetype r = rank(remote.origin);
        if (l != r)
            return l < r ? ConflictWinner::Local : ConflictWinner::Remote;
        break;
    }
    case ConflictPolicy::Kind::Newest:
        break;
    }
    return newer(local, remote) ? ConflictWinner::Local : ConflictWinner::Remote;
}

} // namespace mysqlsync
