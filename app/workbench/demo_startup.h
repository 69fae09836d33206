#pragma once
// `edgewise --demo-broker URL`: connect the capture session to the demo broker and subscribe
// to every Edgewise topic, so the Capture pane fills as soon as the window opens.

#include <QObject>
#include <QString>

#include "core/util/result.h"

namespace edgewise::gui {

class Workspace;

// Starts connecting (asynchronously) and subscribes to "edgewise/#" at QoS 1, now if the
// session accepts it or as soon as the connection is up. `context` bounds the pending
// subscription's lifetime. Errors: a malformed URL or a refused connection attempt.
Result<void> startDemoCapture(Workspace& workspace, const QString& url, QObject* context);

}  // namespace edgewise::gui
