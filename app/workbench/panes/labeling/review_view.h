#pragma once
// The Labeling pane's Review view: inter-annotator agreement on the open recording and its
// disagreements for adjudication (core/labeling/agreement.h).
//
// Left: per annotator labels, active time and labels per hour (annotatorActivity below);
// Cohen's kappa per annotator pair as a matrix, Fleiss' kappa overall and per-class agreement.
// Right: the disagreements (merged 100 ms frames where the annotators differ), one column per
// annotator and a resolution column. Selecting a row asks the pane to show that span on the
// timeline (showSpan). "Accept <annotator>'s label" and "Relabel as..." write an adjudicated
// range through the LabelRepository under the adjudicator's name (the pane's annotator); the row
// then shows as resolved. Keys in the table: Up/Down move through the disagreements, 1-9 accept
// the n-th annotator's label.

#include <QWidget>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/labeling/agreement.h"
#include "core/labeling/label_repository.h"

class QLabel;
class QTableWidget;
class QToolButton;
class QHBoxLayout;
class QMenu;
class QUndoStack;

namespace edgewise::gui {

// Active time and labelling rate of one annotator, from the label rows' created / updated times.
struct AnnotatorActivity {
  int64_t annotatorId = 0;
  int64_t labels = 0;        // segment and item labels the annotator has now
  double activeSeconds = 0;  // sum of gaps between consecutive edits, each capped
  double labelsPerHour = 0;  // labels / active hours (0 when no active time)
};
// Rule: every label row contributes its created time and, when different, its updated time;
// per annotator these edit times are sorted and the gaps between consecutive ones are summed,
// each gap capped at capSeconds (a longer pause counts as capSeconds of work: the time to
// find the next span). Deleted labels leave no trace, so this is a lower bound.
std::vector<AnnotatorActivity> annotatorActivity(
    const std::vector<labeling::SegmentLabel>& segments,
    const std::vector<labeling::ItemLabel>& items, double capSeconds = 300);

class ReviewView : public QWidget {
  Q_OBJECT
 public:
  explicit ReviewView(QWidget* parent = nullptr);

  // The repository and recording to review (nullptr / -1: nothing) and the adjudicator's name.
  void setContext(labeling::LabelRepository* repo, int64_t recordingId);
  void setAdjudicator(const QString& name) { m_adjudicator = name; }
  // Adjudications are pushed here (undo removes one, redo writes it back). The stack must be
  // cleared before the repository goes (the pane's timeline stack is, with its label model).
  void setUndoStack(QUndoStack* stack) { m_undo = stack; }
  // Times in the table are seconds from this instant (the timeline's origin).
  void setOriginUs(int64_t originUs) { m_originUs = originUs; }
  // Re-reads labels, agreement and disagreements from the store (keeps the selected row).
  void refresh();

  QTableWidget* disagreementTable() const { return m_disagreements; }
  QTableWidget* cohenTable() const { return m_cohen; }
  QTableWidget* classTable() const { return m_perClass; }
  QTableWidget* activityTable() const { return m_activity; }
  const std::vector<labeling::Disagreement>& disagreements() const { return m_rows; }
  const std::optional<labeling::AgreementReport>& report() const { return m_report; }
  QString errorText() const { return m_error; }

  // On the selected disagreement: accept the n-th (0-based) annotator's label, or set a class.
  bool acceptAnnotator(int n);
  bool relabel(int64_t classId);

 Q_SIGNALS:
  void showSpan(int64_t startUs, int64_t endUs);
  void adjudicated();

 protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void retranslateUi();
  void rebuildTables();
  void updateActions();
  QString className(int64_t classId) const;
  QString annotatorName(int64_t annotatorId) const;
  std::optional<int64_t> adjudicatorId();
  // Writes an adjudication of the selected disagreement under the adjudicator, then refreshes.
  bool adjudicate(const std::function<Result<labeling::Adjudication>(
                      int64_t adjudicator, const labeling::Disagreement&)>& write);
  void setError(const QString& message);

  labeling::LabelRepository* m_repo = nullptr;
  int64_t m_recordingId = -1;
  int64_t m_originUs = 0;
  QString m_adjudicator;
  QUndoStack* m_undo = nullptr;
  std::vector<labeling::Annotator> m_annotators;  // of the recording, in grid order
  std::vector<labeling::LabelClass> m_classes;
  std::optional<labeling::AgreementReport> m_report;
  std::vector<labeling::Disagreement> m_rows;
  QString m_error;

  QLabel* m_activityTitle = nullptr;
  QTableWidget* m_activity = nullptr;
  QLabel* m_cohenTitle = nullptr;
  QTableWidget* m_cohen = nullptr;
  QLabel* m_fleiss = nullptr;
  QLabel* m_classTitle = nullptr;
  QTableWidget* m_perClass = nullptr;
  QLabel* m_disagreementTitle = nullptr;
  QTableWidget* m_disagreements = nullptr;
  QHBoxLayout* m_acceptLayout = nullptr;
  std::vector<QToolButton*> m_accept;
  QToolButton* m_relabel = nullptr;
  QMenu* m_relabelMenu = nullptr;
  QLabel* m_status = nullptr;
};

}  // namespace edgewise::gui
