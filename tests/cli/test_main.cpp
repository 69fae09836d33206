#include <gtest/gtest.h>

#include <QCoreApplication>

// QProcess and QTemporaryDir want a QCoreApplication; gtest_main does not make one.
int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
