#pragma once
// Small helpers shared by the workbench's Qt tests.

#include <QDir>
#include <QString>

namespace edgewise::test {

// Where the screenshot tests write their PNGs: $EDGEWISE_SCREENSHOT_DIR (ctest sets it to
// <build>/screenshots), else ./screenshots; created when missing.
inline QString screenshotDir() {
  QString dir = qEnvironmentVariable("EDGEWISE_SCREENSHOT_DIR");
  if (dir.isEmpty()) dir = QDir::currentPath() + u"/screenshots";
  QDir().mkpath(dir);
  return dir;
}

#ifdef EDGEWISE_TEST_DATA_DIR
// tests/data/digits.png, or the one under $EDGEWISE_TEST_DATA.
inline QString digitsPath() {
  QString dir = qEnvironmentVariable("EDGEWISE_TEST_DATA");
  if (dir.isEmpty()) dir = QStringLiteral(EDGEWISE_TEST_DATA_DIR);
  return dir + QStringLiteral("/digits.png");
}
#endif

}  // namespace edgewise::test
