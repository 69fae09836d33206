#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "core/capture/decoder_registry.h"
#include "tests/plugins/test_payloads.h"

namespace edgewise::decoders::test {
namespace {

using namespace Qt::StringLiterals;
using capture::DecoderRegistry;

std::string detected(const DecoderRegistry& registry, std::string_view payload) {
  const auto* d = registry.detect(payload);
  return d ? d->id() : std::string("none");
}

TEST(DecoderRegistry, RegistersAllBuiltinsOnce) {
  DecoderRegistry registry;
  registerBuiltinDecoders(registry);
  registerBuiltinDecoders(registry);  // same ids replace, never duplicate
  std::vector<std::string> ids;
  for (const auto* d : registry.all()) ids.push_back(d->id());
  EXPECT_EQ(ids, (std::vector<std::string>{"json", "csv", "raw-f32", "raw-i16", "cbor", "image",
                                           "pcm16"}));
  ASSERT_NE(registry.find("cbor"), nullptr);
  EXPECT_EQ(registry.find("cbor")->name(), "CBOR");
  EXPECT_EQ(registry.find("nope"), nullptr);
}

TEST(DecoderRegistry, DetectPicksTheRightDecoderForEachGoodPayload) {
  DecoderRegistry registry;
  registerBuiltinDecoders(registry);
  EXPECT_EQ(detected(registry, simulatorJson()), "json");
  EXPECT_EQ(detected(registry, "  {\"temp\": 21.5}\n"), "json");
  EXPECT_EQ(detected(registry, "[[1,2],[3,4]]"), "json");
  EXPECT_EQ(detected(registry, toCbor(simulatorJson())), "cbor");
  EXPECT_EQ(detected(registry, toCbor(R"({"x":1})")), "cbor");
  EXPECT_EQ(detected(registry, encodedImage(".png")), "image");
  EXPECT_EQ(detected(registry, encodedImage(".jpg")), "image");
  EXPECT_EQ(detected(registry, "1.5,2.5,3\n4,5,6\n"), "csv");
  EXPECT_EQ(detected(registry, "ax,ay\n1,2\n"), "csv");
  EXPECT_EQ(detected(registry, "42"), "csv");
  EXPECT_EQ(detected(registry, f32Bytes({0.1f, 9.81f, -0.2f, 0.01f})), "raw-f32");
  // Audio-like int16 data whose float32 reading is implausible (denormals).
  EXPECT_EQ(detected(registry, i16Bytes({100, 0, -200, 0, 300, 0})), "pcm16");
  EXPECT_EQ(detected(registry, ""), "none");
  EXPECT_EQ(detected(registry, "abc"), "none");  // odd-length text: nothing fits
  // Each detected decoder also decodes what it detected.
  for (const std::string& p : {simulatorJson(), toCbor(simulatorJson()), encodedImage(".png"),
                               std::string("1,2\n3,4"), f32Bytes({1.f, 2.f})}) {
    auto r = registry.detect(p)->decode(p, capture::DecodeContext{"t", kArrivalUs, nullptr});
    EXPECT_TRUE(r.ok()) << registry.detect(p)->id() << ": " << r.error().message;
  }
}

TEST(DecoderRegistry, InstanceIsProcessWide) {
  EXPECT_EQ(&DecoderRegistry::instance(), &DecoderRegistry::instance());
}

TEST(DecoderRegistry, LoadsARealQtPluginAndReportsBadOnes) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString pluginDir = QStringLiteral(EDGEWISE_TEST_PLUGIN_DIR);
  const QStringList plugins = QDir(pluginDir).entryList(QDir::Files);
  ASSERT_FALSE(plugins.isEmpty()) << "test plugin not built in " << pluginDir.toStdString();
  for (const QString& f : plugins) {
    ASSERT_TRUE(QFile::copy(pluginDir + u'/' + f, dir.filePath(f)));
  }
  // A file that looks like a library but is not one.
  {
    QFile bad(dir.filePath(u"libbroken_decoder.so"_s));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("this is not an ELF file");
  }
  DecoderRegistry registry;
  registerBuiltinDecoders(registry);
  std::vector<std::string> errors;
  EXPECT_EQ(registry.loadPlugins(dir.path(), &errors), 1);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("libbroken_decoder.so could not be loaded"), std::string::npos)
      << errors[0];
  const auto* hex = registry.find("test-hex");
  ASSERT_NE(hex, nullptr);
  EXPECT_EQ(registry.all().size(), 8u);
  EXPECT_EQ(registry.detect("hex 0a ff"), hex);
  auto r = hex->decode("hex 0a ff", capture::DecodeContext{"t", kArrivalUs, nullptr});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->values, std::vector<float>{9.f});

  errors.clear();
  EXPECT_EQ(registry.loadPlugins(dir.filePath(u"missing"_s), &errors), 0);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace edgewise::decoders::test
