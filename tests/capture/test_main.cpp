#include <gtest/gtest.h>

#include <QCoreApplication>

#include "core/capture/decoder_registry.h"
#include "plugins/decoders/builtin_decoders.h"

// Executables register the built-in decoders at start-up; the tests do the same once.
int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  edgewise::decoders::registerBuiltinDecoders(edgewise::capture::DecoderRegistry::instance());
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
