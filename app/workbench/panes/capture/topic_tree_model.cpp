#include "app/workbench/panes/capture/topic_tree_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <algorithm>

#include "app/workbench/panes/capture/capture_format.h"

namespace edgewise::gui {

struct TopicTreeModel::Node {
  QString name;
  QString fullTopic;
  Node* parent = nullptr;
  std::vector<std::unique_ptr<Node>> children;  // sorted by name
  std::optional<capture::TopicStats> stats;     // set on nodes that received messages
  bool checked = false;
  // Totals over the subtree (including the node's own stats).
  int64_t messages = 0;
  int64_t samples = 0;
  int64_t errors = 0;
  double rate = 0;

  int row() const {
    if (!parent) return 0;
    const auto& siblings = parent->children;
    for (size_t i = 0; i < siblings.size(); ++i)
      if (siblings[i].get() == this) return static_cast<int>(i);
    return 0;
  }
};

TopicTreeModel::TopicTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

TopicTreeModel::~TopicTreeModel() = default;

TopicTreeModel::Node* TopicTreeModel::nodeFor(const QModelIndex& index) const {
  return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex TopicTreeModel::indexFor(const Node* node, int column) const {
  if (!node || node == m_root.get()) return {};
  return createIndex(node->row(), column, const_cast<Node*>(node));
}

TopicTreeModel::Node* TopicTreeModel::findOrInsert(const QString& topic) {
  // MQTT allows empty levels ("a//b", "/a"): keep them as nodes named "" so every topic
  // maps to exactly one leaf.
  const QStringList levels = topic.split(QLatin1Char('/'));
  Node* node = m_root.get();
  QString path;
  for (int i = 0; i < levels.size(); ++i) {
    const QString& level = levels[i];
    path = i == 0 ? level : path + QLatin1Char('/') + level;
    auto& kids = node->children;
    auto it = std::lower_bound(
        kids.begin(), kids.end(), level,
        [](const std::unique_ptr<Node>& n, const QString& name) { return n->name < name; });
    if (it != kids.end() && (*it)->name == level) {
      node = it->get();
      continue;
    }
    const int row = static_cast<int>(it - kids.begin());
    beginInsertRows(indexFor(node, 0), row, row);
    auto child = std::make_unique<Node>();
    child->name = level;
    child->fullTopic = path;
    child->parent = node;
    Node* raw = child.get();
    kids.insert(kids.begin() + row, std::move(child));
    endInsertRows();
    node = raw;
  }
  return node;
}

void TopicTreeModel::recomputeTotals(Node* node) {
  int64_t messages = 0, samples = 0, errors = 0;
  double rate = 0;
  if (node->stats) {
    messages = node->stats->messages;
    samples = node->stats->samples;
    errors = node->stats->decodeErrors;
    rate = node->stats->messagesPerSecond;
  }
  for (auto& child : node->children) {
    recomputeTotals(child.get());
    messages += child->messages;
    samples += child->samples;
    errors += child->errors;
    rate += child->rate;
  }
  const bool changed = messages != node->messages || samples != node->samples ||
                       errors != node->errors || std::abs(rate - node->rate) > 1e-9;
  node->messages = messages;
  node->samples = samples;
  node->errors = errors;
  node->rate = rate;
  if (changed && node != m_root.get())
    Q_EMIT dataChanged(indexFor(node, 0), indexFor(node, ColumnCount - 1));
}

void TopicTreeModel::update(const std::vector<capture::TopicStats>& stats) {
  for (const auto& s : stats) {
    const QString topic = toQString(s.topic);
    Node* node = findOrInsert(topic);
    const bool isNew = !node->stats;
    if (isNew) ++m_topicCount;
    const bool textChanged = isNew || node->stats->decoderId != s.decoderId ||
                             node->stats->lastPayloadPreview != s.lastPayloadPreview ||
                             node->stats->lastError != s.lastError;
    node->stats = s;
    // Counters are announced by recomputeTotals; only the text columns need a signal here.
    if (textChanged)
      Q_EMIT dataChanged(indexFor(node, DecoderColumn), indexFor(node, PreviewColumn));
  }
  recomputeTotals(m_root.get());
}

void TopicTreeModel::clear() {
  beginResetModel();
  m_root = std::make_unique<Node>();
  m_topicCount = 0;
  endResetModel();
}

QStringList TopicTreeModel::checkedTopics() const {
  QStringList out;
  std::vector<const Node*> stack{m_root.get()};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->checked && n->stats) out << n->fullTopic;
    for (const auto& c : n->children) stack.push_back(c.get());
  }
  out.sort();
  return out;
}

void TopicTreeModel::setChecked(const QString& topic, bool checked) {
  const QModelIndex idx = indexForTopic(topic);
  if (idx.isValid()) setData(idx, checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

QModelIndex TopicTreeModel::indexForTopic(const QString& topic, int column) const {
  const Node* node = m_root.get();
  for (const QString& level : topic.split(QLatin1Char('/'))) {
    const auto& kids = node->children;
    auto it = std::find_if(kids.begin(), kids.end(),
                           [&](const std::unique_ptr<Node>& n) { return n->name == level; });
    if (it == kids.end()) return {};
    node = it->get();
  }
  return indexFor(node, column);
}

std::optional<capture::TopicStats> TopicTreeModel::statsFor(const QString& topic) const {
  const QModelIndex idx = indexForTopic(topic);
  if (!idx.isValid()) return std::nullopt;
  return nodeFor(idx)->stats;
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex& parent) const {
  const Node* p = nodeFor(parent);
  if (row < 0 || column < 0 || column >= ColumnCount || row >= static_cast<int>(p->children.size()))
    return {};
  return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex TopicTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  const Node* n = nodeFor(child);
  return indexFor(n->parent, 0);
}

int TopicTreeModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() && parent.column() != 0) return 0;
  return static_cast<int>(nodeFor(parent)->children.size());
}

int TopicTreeModel::columnCount(const QModelIndex&) const {
  return ColumnCount;
}

QVariant TopicTreeModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const Node* n = nodeFor(index);
  const int col = index.column();
  switch (role) {
    case Qt::DisplayRole:
      switch (col) {
        case TopicColumn:
          return n->name.isEmpty() ? QStringLiteral("\u2205") : n->name;
        case MessagesColumn:
          return formatCount(n->messages);
        case RateColumn:
          return QString::number(n->rate, 'f', n->rate < 10 ? 1 : 0);
        case SamplesColumn:
          return n->samples > 0 ? formatCount(n->samples) : QString();
        case ErrorsColumn:
          return n->errors > 0 ? formatCount(n->errors) : QString();
        case DecoderColumn:
          return n->stats ? toQString(n->stats->decoderId) : QString();
        case PreviewColumn: {
          if (!n->stats) return {};
          QString preview = toQString(n->stats->lastPayloadPreview);
          preview.replace(QLatin1Char('\n'), QLatin1Char(' '));
          return preview.left(160);
        }
      }
      return {};
    case SortRole:
      switch (col) {
        case MessagesColumn:
          return static_cast<qlonglong>(n->messages);
        case RateColumn:
          return n->rate;
        case SamplesColumn:
          return static_cast<qlonglong>(n->samples);
        case ErrorsColumn:
          return static_cast<qlonglong>(n->errors);
        default:
          return data(index, Qt::DisplayRole);
      }
    case Qt::TextAlignmentRole:
      if (col >= MessagesColumn && col <= ErrorsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case Qt::ForegroundRole:
      if (n->errors > 0 && (col == ErrorsColumn || col == TopicColumn))
        return QBrush(QColor(0xe5, 0x48, 0x4d));
      if (col == PreviewColumn) return QBrush(QColor(0x8a, 0x8f, 0x98));
      return {};
    case Qt::FontRole:
      if (col == ErrorsColumn && n->errors > 0) {
        QFont f;
        f.setBold(true);
        return f;
      }
      if (col == PreviewColumn) return QFont(QStringLiteral("monospace"));
      return {};
    case Qt::ToolTipRole:
      if (n->stats && !n->stats->lastError.empty())
        return tr("Last decode error: %1").arg(toQString(n->stats->lastError));
      if (col == TopicColumn) return n->fullTopic;
      if (col == PreviewColumn && n->stats) return toQString(n->stats->lastPayloadPreview);
      return {};
    case Qt::CheckStateRole:
      if (col == TopicColumn && n->stats) return n->checked ? Qt::Checked : Qt::Unchecked;
      return {};
    case FullTopicRole:
      return n->fullTopic;
    case IsTopicRole:
      return n->stats.has_value();
    case ErrorCountRole:
      return static_cast<qlonglong>(n->errors);
  }
  return {};
}

bool TopicTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || role != Qt::CheckStateRole || index.column() != TopicColumn) return false;
  Node* n = nodeFor(index);
  if (!n->stats) return false;
  const bool checked = value.toInt() == Qt::Checked;
  if (checked == n->checked) return true;
  n->checked = checked;
  Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
  Q_EMIT checkedTopicsChanged();
  return true;
}

Qt::ItemFlags TopicTreeModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (index.column() == TopicColumn && nodeFor(index)->stats) f |= Qt::ItemIsUserCheckable;
  return f;
}

void TopicTreeModel::retranslate() {
  // Only the headers carry words; cell tool tips are built when asked for.
  Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case TopicColumn:
        return tr("Topic");
      case MessagesColumn:
        return tr("Messages");
      case RateColumn:
        return tr("msg/s");
      case SamplesColumn:
        return tr("Samples");
      case ErrorsColumn:
        return tr("Errors");
      case DecoderColumn:
        return tr("Decoder");
      case PreviewColumn:
        return tr("Last payload");
    }
  }
  if (role == Qt::TextAlignmentRole && section >= MessagesColumn && section <= ErrorsColumn)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

}  // namespace edgewise::gui
