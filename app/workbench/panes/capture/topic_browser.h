#pragma once
// The topic tree with its filter field and context menu (decoder override, Plot, Record this
// topic). Refreshed from the session's topicStats() by the pane's GUI timer.

#include <QStringList>
#include <QWidget>

#include "core/capture/capture_session.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace edgewise::gui {

class TopicTreeModel;

class TopicBrowser : public QWidget {
  Q_OBJECT
 public:
  explicit TopicBrowser(capture::CaptureSession& session, QWidget* parent = nullptr);

  void refresh();  // pulls topicStats() into the model
  TopicTreeModel* model() const { return m_model; }
  QTreeView* view() const { return m_view; }
  QLineEdit* filterEdit() const { return m_filter; }
  QStringList selectedTopics() const;  // selected rows' full topics (inner nodes: prefixes)

  // Applies a decoder override for a topic (the context menu calls this).
  void setDecoder(const QString& topic, const QString& decoderId,
                  const capture::DecoderOptions& options = {});

 Q_SIGNALS:
  void plotRequested(const QStringList& topics);
  void recordTopicRequested(const QString& topic);
  void statusMessage(const QString& message);

 private:
  void changeEvent(QEvent* event) override;
  void retranslateUi();
  void showContextMenu(const QPoint& pos);
  void chooseDecoder(const QString& topic, const QString& decoderId);

  capture::CaptureSession& m_session;
  TopicTreeModel* m_model = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTreeView* m_view = nullptr;
  QLineEdit* m_filter = nullptr;
  QLabel* m_summary = nullptr;
  bool m_expandedOnce = false;
};

}  // namespace edgewise::gui
