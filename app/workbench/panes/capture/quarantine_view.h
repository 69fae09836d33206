#pragma once
// Recent malformed payloads kept in the project's quarantine: topic, time, decoder, error and
// a text or hex preview, plus the total counts.

#include <QWidget>

class QLabel;
class QTableWidget;
class QPlainTextEdit;

namespace edgewise::store {
class Project;
}

namespace edgewise::gui {

class QuarantineView : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kShownRows = 200;

  explicit QuarantineView(QWidget* parent = nullptr);

  // Re-reads the project's quarantine (nullptr: none open). sessionErrors: the session's
  // exact decode-error total (the table is capped).
  void refresh(store::Project* project, int64_t sessionErrors);
  int rowCount() const;
  int64_t storedCount() const { return m_storedCount; }

  // Printable text when the bytes are mostly text, else a hex dump.
  static QString preview(const std::vector<uint8_t>& bytes, int maxBytes = 96);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();

  QLabel* m_total = nullptr;
  QTableWidget* m_table = nullptr;
  QPlainTextEdit* m_detail = nullptr;
  int64_t m_storedCount = 0;
  int64_t m_newestId = -1;
};

}  // namespace edgewise::gui
