#include <gtest/gtest.h>

#include <QCoreApplication>

// main() of the test programs that start child processes or use QTemporaryDir: QProcess and
// QTemporaryDir want a QCoreApplication, which gtest_main does not make.
int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
