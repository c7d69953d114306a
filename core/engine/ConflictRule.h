#pragma once
// The decision between two versions of one row made without seeing each other. Every site
// decides from the same two versions alone (their origins and times, the table's policy),
// never from its own clock or from which arrived first, so every site picks the same winner
// and all end identical.
#include "config/Config.h"
#include "protocol/RowVersion.h"

namespace mysqlsync {

enum class ConflictWinner { Local, Remote, Open };

class ConflictRule {
public:
    // Newest: the later time wins; equal times: the origin whose name sorts first (by code
    // point). Priority: the origin listed first wins; origins not listed come after every
    // listed one and are ordered as Newest; two versions of one origin cannot conflict, but if
    // asked, Newest decides. Manual: Open.
    static ConflictWinner decide(const ConflictPolicy &policy, const RowVersion &local, const RowVersion &remote);
    // Whether `a` wins over `b` by Newest.
    static bool newer(const RowVersion &a, const RowVersion &b);
};

} // namespace mysqlsync
