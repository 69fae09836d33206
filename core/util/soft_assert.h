#pragma once
// A soft assert (after Qt Creator's QTC_ASSERT): logs the broken invariant and takes the
// given action instead of aborting the user's session.
#include <QtGlobal>

#define EW_ASSERT(cond, action)                                               \
  if (Q_LIKELY(cond)) {                                                       \
  } else {                                                                    \
    qWarning("EW_ASSERT failed: \"%s\" in %s:%d", #cond, __FILE__, __LINE__); \
    action;                                                                   \
  }                                                                           \
  do {                                                                        \
  } while (0)
