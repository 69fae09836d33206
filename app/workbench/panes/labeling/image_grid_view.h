#pragma once
// The image grid of the Labeling pane (issue 4): the samples of an image dataset as
// thumbnails (QListView in icon mode over SampleGridModel, thumbnails made when first
// painted), multi-select (Shift/Ctrl-click, rubber band), keys 1-9 assign the class with that
// shortcut to every selected sample as one undo step, each sample's label of the annotator as a
// colored badge, and a filter (every sample, unlabeled ones, one class).

#include <QAbstractListModel>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/labeling/label_repository.h"

class QComboBox;
class QLabel;
class QListView;
class QUndoStack;

namespace edgewise::store {
class Project;
}

namespace edgewise::gui {

class ElidedLabel;

class SampleGridModel : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Role { SampleIdRole = Qt::UserRole + 1, ClassIdRole, ClassColorRole, ClassNameRole };

  struct Entry {
    int64_t sampleId = 0;
    std::vector<uint8_t> pixels;  // H x W x C, as stored (BGR or gray)
    int64_t classId = 0;          // the annotator's label, 0 = none
  };

  explicit SampleGridModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}
  void reset(std::vector<Entry> entries, int width, int height, int channels);
  void setClasses(const std::vector<labeling::LabelClass>& classes);
  // Sets the label of the samples (0 = none); emits dataChanged for their rows.
  void setClassOf(const std::vector<std::pair<int64_t, int64_t>>& sampleClass);
  int64_t classOf(int64_t sampleId) const;
  int rowOfSample(int64_t sampleId) const;
  int thumbnailsMade() const { return m_made; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;

 private:
  QPixmap thumbnail(int row) const;

  std::vector<Entry> m_entries;
  mutable std::vector<QPixmap> m_thumbs;  // made on first paint
  mutable int m_made = 0;
  std::vector<labeling::LabelClass> m_classes;
  int m_width = 0, m_height = 0, m_channels = 1;
};

// Keeps every sample (-1), the unlabeled ones (0) or one class (its id).
class SampleFilterModel : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void setClassFilter(int64_t filter);
  int64_t classFilter() const { return m_filter; }

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  int64_t m_filter = -1;
};

class ImageGridView : public QWidget {
  Q_OBJECT
 public:
  explicit ImageGridView(QWidget* parent = nullptr);
  ~ImageGridView() override;

  void setContext(store::Project* project, labeling::LabelRepository* repo, int64_t annotatorId);
  void setUndoStack(QUndoStack* stack) { m_undo = stack; }
  void refreshDatasets();
  // Shows an image dataset (by name); false when unknown or not an image dataset.
  bool showDataset(const QString& name);
  // The project's classes changed (rename, color): badges and filter follow.
  void reloadClasses();

  QListView* view() const { return m_view; }
  SampleGridModel* model() const { return m_model; }
  SampleFilterModel* filter() const { return m_filter; }
  // -1 every sample, 0 unlabeled, else a class id.
  void setClassFilter(int64_t filter);
  // Selects samples by id (replacing the selection).
  void selectSamples(const std::vector<int64_t>& sampleIds);
  std::vector<int64_t> selectedSamples() const;
  // Assigns a class to every selected sample as one undo step; false when nothing is selected,
  // no annotator is set or the store refused (the status says why).
  bool assignClass(int64_t classId);
  bool assignKey(int key);
  // Used by the undo command: the badges of these samples from the store.
  void refreshLabels(const std::vector<int64_t>& sampleIds);

 Q_SIGNALS:
  void labelsChanged();
  void classesChanged();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void rebuildFilterCombo();
  void updateStatus();

  store::Project* m_project = nullptr;
  labeling::LabelRepository* m_repo = nullptr;
  int64_t m_annotatorId = 0;
  QUndoStack* m_undo = nullptr;
  int64_t m_datasetId = 0;
  std::vector<labeling::LabelClass> m_classes;

  QLabel* m_datasetLabel = nullptr;
  QComboBox* m_dataset = nullptr;
  QLabel* m_filterLabel = nullptr;
  QComboBox* m_filterCombo = nullptr;
  QListView* m_view = nullptr;
  SampleGridModel* m_model = nullptr;
  SampleFilterModel* m_filter = nullptr;
  ElidedLabel* m_status = nullptr;
  ElidedLabel* m_keys = nullptr;
  QString m_error;
};

}  // namespace edgewise::gui
