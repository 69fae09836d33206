#include "app/workbench/panes/labeling/dataset_classes.h"

#include "core/labeling/label_repository.h"

namespace edgewise::gui {

namespace {
int digitOf(const std::string& name) {
  return name.size() == 1 && name[0] >= '1' && name[0] <= '9' ? name[0] - '0' : 0;
}
}  // namespace

Result<DatasetClasses> ensureDatasetClasses(labeling::LabelRepository& repo,
                                            const std::vector<std::string>& names) {
  DatasetClasses out;
  out.classIds.assign(names.size(), 0);
  out.keyClass.assign(9, -1);
  auto existing = repo.classes();
  if (!existing.ok()) return existing.error();
  std::vector<bool> used(10, false);
  for (const labeling::LabelClass& c : *existing)
    if (c.shortcut > 0) used[static_cast<size_t>(c.shortcut)] = true;
  // Keys the digit classes of this dataset will want.
  std::vector<bool> wanted(10, false);
  for (const std::string& n : names)
    if (int d = digitOf(n); d > 0) wanted[static_cast<size_t>(d)] = true;
  for (size_t k = 0; k < names.size(); ++k) {
    auto c = repo.classByName(names[k]);
    if (!c.ok()) {
      int key = digitOf(names[k]);
      if (key > 0 && used[static_cast<size_t>(key)]) key = 0;
      for (int d = 1; key == 0 && d <= 9 && digitOf(names[k]) == 0; ++d)
        if (!used[static_cast<size_t>(d)] && !wanted[static_cast<size_t>(d)]) key = d;
      c = repo.addClass(names[k], labeling::defaultColor(static_cast<int>(k)), key);
      if (!c.ok()) return c.error();
      if (c->shortcut > 0) used[static_cast<size_t>(c->shortcut)] = true;
      out.created = true;
    }
    out.classIds[k] = c->id;
    if (c->shortcut > 0) out.keyClass[static_cast<size_t>(c->shortcut - 1)] = static_cast<int>(k);
  }
  return out;
}

}  // namespace edgewise::gui
