#include "core/dataset/data/importers.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using CsvImport = DatasetTest;

TEST_F(CsvImport, HeaderAutoDetectedLabelByNameWithRejections) {
  const std::string f = write("iris.csv",
                              "a,b,species\n"
                              "1.5,2,setosa\n"
                              "3,-4.25,virginica\n"
                              "5,6\n"         // line 4: too few columns
                              "7,x,setosa\n"  // line 5: not a number
                              "\n"            // empty lines are skipped
                              "8,9,setosa\n"
                              "1,2,\n");  // line 8: empty label
  auto r = readCsv({f, "species", CsvOptions::Header::Auto});
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->info.kind, DatasetKind::Tabular);
  EXPECT_EQ(r->info.featureDims, 2);
  EXPECT_EQ(r->info.classNames, (std::vector<std::string>{"setosa", "virginica"}));
  ASSERT_EQ(r->samples.size(), 3u);
  EXPECT_EQ(r->samples[0].label, 0);
  EXPECT_EQ(floatsOf(r->samples[0].blob), (std::vector<float>{1.5f, 2.0f}));
  EXPECT_EQ(r->samples[1].label, 1);
  EXPECT_EQ(floatsOf(r->samples[1].blob), (std::vector<float>{3.0f, -4.25f}));
  EXPECT_EQ(r->samples[2].source, "iris.csv row 7");
  ASSERT_EQ(r->rejected.size(), 3u) << rejectionText(r->rejected);
  EXPECT_EQ(r->rejected[0].source, "iris.csv row 4");
  EXPECT_EQ(r->rejected[0].reason, "2 columns, expected 3");
  EXPECT_EQ(r->rejected[1].source, "iris.csv row 5");
  EXPECT_EQ(r->rejected[1].reason, "column 'b' is not a number: 'x'");
  EXPECT_EQ(r->rejected[2].reason, "empty label");
}

TEST_F(CsvImport, NoHeaderLabelByIndexNumericClassesSortedNumerically) {
  const std::string f = write("n.csv", "10,0.5,0.25\n2,1,2\n10,3,4\n");
  auto r = readCsv({f, "0", CsvOptions::Header::Auto});
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->info.classNames, (std::vector<std::string>{"2", "10"}));
  ASSERT_EQ(r->samples.size(), 3u);
  EXPECT_EQ(r->samples[0].label, 1);
  EXPECT_EQ(r->samples[1].label, 0);
  EXPECT_EQ(floatsOf(r->samples[0].blob), (std::vector<float>{0.5f, 0.25f}));
  // -1 is the last column.
  auto last = readCsv({f, "-1", CsvOptions::Header::Absent});
  EW_ASSERT_OK(last);
  EXPECT_EQ(last->info.classNames, (std::vector<std::string>{"0.25", "2", "4"}));
  EXPECT_EQ(floatsOf(last->samples[1].blob), (std::vector<float>{2.0f, 1.0f}));
}

TEST_F(CsvImport, ForcedNoHeaderRejectsTextRow) {
  const std::string f = write("h.csv", "x,label\n1,a\n");
  auto r = readCsv({f, "1", CsvOptions::Header::Absent});
  EW_ASSERT_OK(r);
  ASSERT_EQ(r->rejected.size(), 1u);
  EXPECT_EQ(r->rejected[0].source, "h.csv row 1");
  EXPECT_EQ(r->rejected[0].reason, "column '0' is not a number: 'x'");
  EXPECT_EQ(r->samples.size(), 1u);
}

TEST_F(CsvImport, QuotedCellsCrLfAndNonFiniteValues) {
  const std::string f = write("q.csv",
                              "\"x, with comma\",y,label\r\n"
                              "1,2,\"a,b\"\r\n"
                              "nan,2,c\r\n"
                              "1,inf,c\r\n");
  auto r = readCsv({f, "label", CsvOptions::Header::Auto});
  EW_ASSERT_OK(r);
  ASSERT_EQ(r->samples.size(), 1u);
  EXPECT_EQ(r->info.classNames, (std::vector<std::string>{"a,b"}));
  EXPECT_EQ(floatsOf(r->samples[0].blob), (std::vector<float>{1.f, 2.f}));
  EXPECT_EQ(rejectionText(r->rejected),
            "q.csv row 3: column 'x, with comma' is not a number: 'nan'\n"
            "q.csv row 4: column 'y' is not a number: 'inf'\n");
}

TEST_F(CsvImport, FatalErrors) {
  auto missing = readCsv({path("nope.csv"), "0", CsvOptions::Header::Auto});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "cannot open the CSV file");
  const std::string f = write("a.csv", "1,2,3\n");
  auto byName = readCsv({f, "label", CsvOptions::Header::Absent});
  ASSERT_FALSE(byName.ok());
  EXPECT_NE(byName.error().message.find("has no header row"), std::string::npos);
  auto outside = readCsv({f, "5", CsvOptions::Header::Auto});
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().message, "label column 5 is outside the 3 columns");
  const std::string g = write("b.csv", "a,b\n1,2\n");
  auto unknown = readCsv({g, "c", CsvOptions::Header::Auto});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "no column named 'c' in the header");
  auto empty = readCsv({write("e.csv", "\n\n"), "0", CsvOptions::Header::Auto});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "the CSV file is empty");
}

}  // namespace
}  // namespace edgewise::dataset::test
