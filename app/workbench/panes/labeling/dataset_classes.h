#pragma once
// A dataset's classes in the project's label schema: the queue and the grid label dataset
// samples with project classes (item labels refer to label_classes), so every class name of
// the dataset needs a class of that name. Missing ones are created; a one-digit name gets
// that shortcut key when it is free ("7" is key 7), other names the next free key that no
// later digit class needs.

#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::labeling {
class LabelRepository;
}

namespace edgewise::gui {

struct DatasetClasses {
  std::vector<int64_t> classIds;  // per dataset class: the project class id
  std::vector<int> keyClass;      // per key 1..9 (index key - 1): dataset class, -1 none
  bool created = false;           // a class was added to the schema
};

Result<DatasetClasses> ensureDatasetClasses(labeling::LabelRepository& repo,
                                            const std::vector<std::string>& names);

}  // namespace edgewise::gui
