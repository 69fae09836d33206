#pragma once
// One translation context for the whole shell (after Qt Creator's per-module Tr struct): the
// .ts files stay in one readable block and every widget translates through the same name.
#include <QCoreApplication>

namespace edgewise::gui {

struct Tr {
  Q_DECLARE_TR_FUNCTIONS(Workbench)
};

}  // namespace edgewise::gui
