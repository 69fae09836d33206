#pragma once
// The MQTT-Explorer-like topic tree: one node per topic level, leaves carry the session's
// TopicStats, inner nodes show totals of their subtree. update() only inserts rows and emits
// dataChanged so the view keeps its selection, expansion and scroll position.

#include <QAbstractItemModel>
#include <QSet>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "core/capture/capture_session.h"

namespace edgewise::gui {

class TopicTreeModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column {
    TopicColumn,
    MessagesColumn,
    RateColumn,
    SamplesColumn,
    ErrorsColumn,
    DecoderColumn,
    PreviewColumn,
    ColumnCount
  };
  enum Role { FullTopicRole = Qt::UserRole + 1, IsTopicRole, ErrorCountRole, SortRole };

  explicit TopicTreeModel(QObject* parent = nullptr);
  ~TopicTreeModel() override;

  void update(const std::vector<capture::TopicStats>& stats);
  // Headers and tool tips in the current language (after a QEvent::LanguageChange).
  void retranslate();
  void clear();

  // Leaves whose check box is ticked (recording scope and plot selection).
  QStringList checkedTopics() const;
  void setChecked(const QString& topic, bool checked);
  // Index of the node for a full topic ("a/b/c"), invalid when unknown.
  QModelIndex indexForTopic(const QString& topic, int column = 0) const;
  // Stats of a leaf topic (nullopt for inner nodes or unknown topics).
  std::optional<capture::TopicStats> statsFor(const QString& topic) const;
  int topicCount() const { return m_topicCount; }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 Q_SIGNALS:
  void checkedTopicsChanged();

 private:
  struct Node;
  Node* nodeFor(const QModelIndex& index) const;
  QModelIndex indexFor(const Node* node, int column) const;
  Node* findOrInsert(const QString& topic);
  void recomputeTotals(Node* node);

  std::unique_ptr<Node> m_root;
  int m_topicCount = 0;
};

}  // namespace edgewise::gui
