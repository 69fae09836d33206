#include "app/workbench/pane_factory.h"

#include <algorithm>

namespace edgewise::gui {

namespace {
std::vector<PaneFactory>& registry() {
  static std::vector<PaneFactory> factories;
  return factories;
}
}  // namespace

void PaneRegistry::add(PaneFactory factory) {
  auto& factories = registry();
  // A later registration with the same id replaces the earlier one, so the real Capture pane
  // can take over from its placeholder without the order of registration mattering.
  auto same = std::find_if(factories.begin(), factories.end(),
                           [&](const PaneFactory& f) { return f.id == factory.id; });
  if (same != factories.end()) {
    *same = std::move(factory);
  } else {
    factories.push_back(std::move(factory));
  }
  std::stable_sort(factories.begin(), factories.end(),
                   [](const PaneFactory& a, const PaneFactory& b) { return a.order < b.order; });
}

const std::vector<PaneFactory>& PaneRegistry::all() {
  return registry();
}

}  // namespace edgewise::gui
