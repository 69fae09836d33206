#pragma once
// Registers the shell's panes with PaneRegistry: Jobs, the placeholders for the lifecycle
// stages still to come, and the Capture pane (or its placeholder when it is not built in).

namespace edgewise::gui {

void registerWorkbenchPanes();

}  // namespace edgewise::gui
