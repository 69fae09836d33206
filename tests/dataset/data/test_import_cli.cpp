#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/dataset/data/dataset_repository.h"
#include "core/store/project.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using ImportCli = DatasetTest;
using namespace Qt::StringLiterals;

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

TEST_F(ImportCli, IdxGzipCreatesProjectAndPrintsCounts) {
  const std::string im = write("im.gz", gzipBytes(idxImages(7, 2, 2)));
  const std::string lb = write("lb.gz", gzipBytes(idxLabels(7, 3)));
  const std::string proj = path("new.edgewise");
  CliRun r = runCli({u"import"_s, u"--project"_s, q(proj), u"--name"_s, u"mn"_s, u"--format"_s,
                     u"idx"_s, u"--images"_s, q(im), u"--labels"_s, q(lb)});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const std::string out = r.out.toStdString();
  EXPECT_NE(out.find("imported 7 samples into dataset \"mn\""), std::string::npos) << out;
  EXPECT_NE(out.find("  0: 3\n  1: 2\n  2: 2\n"), std::string::npos) << out;
  auto project = store::Project::open(proj, store::OpenMode::OpenExisting);
  EW_ASSERT_OK(project);
  DatasetRepository repo(**project);
  auto info = repo.findByName("mn");
  EW_ASSERT_OK(info);
  EXPECT_EQ(info->sampleCount, 7);
}

TEST_F(ImportCli, CsvJsonListsRejections) {
  const std::string csv = write("d.csv", "f1,f2,y\n1,2,a\n3,oops,b\n4,5,b\n6,7\n");
  CliRun r = runCli({u"import"_s, u"--project"_s, q(path("p.edgewise")), u"--name"_s, u"t"_s,
                     u"--format"_s, u"csv"_s, u"--file"_s, q(csv), u"--label-column"_s, u"y"_s,
                     u"--json"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const auto j = nlohmann::json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("samples"), 2);
  EXPECT_EQ(j.at("kind"), "tabular");
  EXPECT_EQ(j.at("per_class").at("a"), 1);
  EXPECT_EQ(j.at("per_class").at("b"), 1);
  ASSERT_EQ(j.at("rejected").size(), 2u);
  EXPECT_EQ(j.at("rejected")[0].at("source"), "d.csv row 3");
  EXPECT_EQ(j.at("rejected")[0].at("reason"), "column 'f2' is not a number: 'oops'");
  EXPECT_EQ(j.at("rejected")[1].at("reason"), "2 columns, expected 3");
}

TEST_F(ImportCli, NothingUsableExitsOneAndPrintsReasons) {
  write("imgs/a/bad.png", "garbage");
  CliRun r = runCli({u"import"_s, u"--project"_s, q(path("p.edgewise")), u"--name"_s, u"i"_s,
                     u"--format"_s, u"images"_s, u"--dir"_s, q(path("imgs"))});
  EXPECT_EQ(r.exitCode, 1);
  const std::string all = r.out.toStdString() + r.err.toStdString();
  EXPECT_NE(all.find("a/bad.png: not a readable image"), std::string::npos) << all;
  EXPECT_NE(all.find("nothing usable to import"), std::string::npos) << all;
}

TEST_F(ImportCli, WavAndDigitsFormats) {
  write("w/on/a.wav", wavBytes(8000, 1, {1, 2, 3}));
  write("w/off/b.wav", wavBytes(8000, 2, {1, 2, 3, 4}));
  CliRun w = runCli({u"import"_s, u"--project"_s, q(path("p.edgewise")), u"--name"_s, u"kw"_s,
                     u"--format"_s, u"wav"_s, u"--dir"_s, q(path("w"))});
  ASSERT_EQ(w.exitCode, 0) << w.err.toStdString();
  EXPECT_NE(w.out.toStdString().find("  off: 1\n  on: 1\n"), std::string::npos)
      << w.out.toStdString();
  const QString digits = qEnvironmentVariable("EDGEWISE_TEST_DATA") + u"/digits.png"_s;
  CliRun d = runCli({u"import"_s, u"--project"_s, q(path("p.edgewise")), u"--name"_s, u"digits"_s,
                     u"--format"_s, u"digits"_s, u"--file"_s, digits, u"--json"_s});
  ASSERT_EQ(d.exitCode, 0) << d.err.toStdString();
  const auto j = nlohmann::json::parse(d.out.toStdString());
  EXPECT_EQ(j.at("samples"), 5000);
  EXPECT_EQ(j.at("per_class").at("7"), 500);
  EXPECT_EQ(j.at("image").at("height"), 20);
}

TEST_F(ImportCli, UsageErrorsExitTwo) {
  const QString p = q(path("p.edgewise"));
  EXPECT_EQ(runCli({u"import"_s, u"--project"_s, p, u"--format"_s, u"csv"_s}).exitCode, 2);
  EXPECT_EQ(runCli({u"import"_s, u"--project"_s, p, u"--name"_s, u"x"_s, u"--format"_s, u"xls"_s})
                .exitCode,
            2);
  EXPECT_EQ(runCli({u"import"_s, u"--project"_s, p, u"--name"_s, u"x"_s, u"--format"_s, u"idx"_s,
                    u"--images"_s, u"a"_s})
                .exitCode,
            2);
  EXPECT_EQ(runCli({u"import"_s, u"--project"_s, p, u"--name"_s, u"x"_s, u"--format"_s, u"csv"_s,
                    u"--file"_s, u"f.csv"_s})
                .exitCode,
            2);
}

}  // namespace
}  // namespace edgewise::dataset::test
