#include "app/workbench/panes/capture/broker_settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/workbench/panes/capture/capture_format.h"

namespace edgewise::gui {

namespace {
const QString kGroup = QStringLiteral("capture/connection");
}

QString ConnectionProfile::url() const {
  return (broker.tls ? QStringLiteral("ssl://") : QStringLiteral("tcp://")) +
         toQString(broker.host) + QLatin1Char(':') + QString::number(broker.port);
}

Result<void> ConnectionProfile::applyUrl(const QString& url) {
  auto parsed = capture::BrokerSettings::fromUrl(url.trimmed().toStdString());
  if (!parsed.ok()) return parsed.error();
  broker.host = parsed->host;
  broker.port = parsed->port;
  broker.tls = parsed->tls;
  return {};
}

ConnectionProfile ConnectionProfile::load() {
  ConnectionProfile p;
  QSettings s;
  s.beginGroup(kGroup);
  p.broker.host =
      s.value(QStringLiteral("host"), QStringLiteral("127.0.0.1")).toString().toStdString();
  p.broker.port = s.value(QStringLiteral("port"), 1883).toInt();
  p.broker.clientId = s.value(QStringLiteral("clientId")).toString().toStdString();
  p.broker.username = s.value(QStringLiteral("username")).toString().toStdString();
  p.broker.tls = s.value(QStringLiteral("tls"), false).toBool();
  p.broker.caFile = s.value(QStringLiteral("caFile")).toString().toStdString();
  p.broker.clientCertFile = s.value(QStringLiteral("clientCertFile")).toString().toStdString();
  p.broker.clientKeyFile = s.value(QStringLiteral("clientKeyFile")).toString().toStdString();
  p.broker.cleanSession = s.value(QStringLiteral("cleanSession"), true).toBool();
  p.broker.keepAliveSeconds = s.value(QStringLiteral("keepAliveSeconds"), 30).toInt();
  p.broker.autoReconnect = s.value(QStringLiteral("autoReconnect"), true).toBool();
  const QStringList subs = s.value(QStringLiteral("subscriptions")).toStringList();
  if (!subs.isEmpty()) {
    p.subscriptions.clear();
    // Stored as "qos|filter": a filter may contain anything but '|' is never the qos digit.
    for (const QString& entry : subs) {
      const int bar = entry.indexOf(QLatin1Char('|'));
      if (bar <= 0) continue;
      p.subscriptions.push_back({entry.mid(bar + 1).toStdString(), entry.left(bar).toInt()});
    }
    if (p.subscriptions.empty()) p.subscriptions.push_back({"#", 1});
  }
  return p;
}

void ConnectionProfile::save() const {
  QSettings s;
  s.beginGroup(kGroup);
  s.setValue(QStringLiteral("host"), toQString(broker.host));
  s.setValue(QStringLiteral("port"), broker.port);
  s.setValue(QStringLiteral("clientId"), toQString(broker.clientId));
  s.setValue(QStringLiteral("username"), toQString(broker.username));
  s.setValue(QStringLiteral("tls"), broker.tls);
  s.setValue(QStringLiteral("caFile"), toQString(broker.caFile));
  s.setValue(QStringLiteral("clientCertFile"), toQString(broker.clientCertFile));
  s.setValue(QStringLiteral("clientKeyFile"), toQString(broker.clientKeyFile));
  s.setValue(QStringLiteral("cleanSession"), broker.cleanSession);
  s.setValue(QStringLiteral("keepAliveSeconds"), broker.keepAliveSeconds);
  s.setValue(QStringLiteral("autoReconnect"), broker.autoReconnect);
  QStringList subs;
  for (const auto& sub : subscriptions)
    subs << QString::number(sub.qos) + QLatin1Char('|') + toQString(sub.filter);
  s.setValue(QStringLiteral("subscriptions"), subs);
}

BrokerSettingsDialog::BrokerSettingsDialog(const ConnectionProfile& profile, QWidget* parent)
    : QDialog(parent), m_original(profile) {
  const auto& b = profile.broker;

  m_host = new QLineEdit(toQString(b.host), this);
  m_port = new QSpinBox(this);
  m_port->setRange(1, 65535);
  m_port->setValue(b.port);
  m_clientId = new QLineEdit(toQString(b.clientId), this);
  m_user = new QLineEdit(toQString(b.username), this);
  m_password = new QLineEdit(toQString(b.password), this);
  m_password->setEchoMode(QLineEdit::Password);
  m_cleanSession = new QCheckBox(this);
  m_cleanSession->setChecked(b.cleanSession);
  m_keepAlive = new QSpinBox(this);
  m_keepAlive->setRange(0, 3600);
  m_keepAlive->setValue(b.keepAliveSeconds);
  m_autoReconnect = new QCheckBox(this);
  m_autoReconnect->setChecked(b.autoReconnect);

  m_connectionBox = new QGroupBox(this);
  auto* connection = m_connectionBox;
  auto* form = new QFormLayout(connection);
  m_form = form;
  // Labels are filled in by retranslateUi() (found again through labelForField()).
  for (QWidget* field :
       std::initializer_list<QWidget*>{m_host, m_port, m_clientId, m_user, m_password, m_keepAlive})
    form->addRow(QStringLiteral("-"), field);
  form->addRow(QString(), m_cleanSession);
  form->addRow(QString(), m_autoReconnect);

  m_tlsBox = new QGroupBox(this);
  auto* tlsBox = m_tlsBox;
  tlsBox->setCheckable(true);
  tlsBox->setChecked(b.tls);
  m_tls = new QCheckBox(this);  // mirrors the group's check state for profile()
  m_tls->setVisible(false);
  m_tls->setChecked(b.tls);
  connect(tlsBox, &QGroupBox::toggled, m_tls, &QCheckBox::setChecked);
  auto* tlsForm = new QFormLayout(tlsBox);
  m_tlsForm = tlsForm;
  m_caFile = new QLineEdit(toQString(b.caFile), this);
  m_certFile = new QLineEdit(toQString(b.clientCertFile), this);
  m_keyFile = new QLineEdit(toQString(b.clientKeyFile), this);
  tlsForm->addRow(QStringLiteral("-"), fileField(m_caFile, QT_TR_NOOP("CA certificate")));
  tlsForm->addRow(QStringLiteral("-"), fileField(m_certFile, QT_TR_NOOP("Client certificate")));
  tlsForm->addRow(QStringLiteral("-"), fileField(m_keyFile, QT_TR_NOOP("Client private key")));

  m_subscriptionsBox = new QGroupBox(this);
  auto* subsBox = m_subscriptionsBox;
  m_subscriptions = new QTableWidget(0, 2, this);
  m_subscriptions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_subscriptions->verticalHeader()->hide();
  for (const auto& sub : profile.subscriptions) addSubscriptionRow(toQString(sub.filter), sub.qos);
  m_add = new QPushButton(this);
  m_remove = new QPushButton(this);
  auto* add = m_add;
  auto* remove = m_remove;
  connect(add, &QPushButton::clicked, this, [this] { addSubscriptionRow(QStringLiteral("#"), 1); });
  connect(remove, &QPushButton::clicked, this, [this] {
    const int row = m_subscriptions->currentRow();
    if (row >= 0) m_subscriptions->removeRow(row);
  });
  auto* subsButtons = new QHBoxLayout;
  subsButtons->addWidget(add);
  subsButtons->addWidget(remove);
  subsButtons->addStretch(1);
  auto* subsLayout = new QVBoxLayout(subsBox);
  subsLayout->addWidget(m_subscriptions);
  subsLayout->addLayout(subsButtons);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(connection);
  layout->addWidget(tlsBox);
  layout->addWidget(subsBox, 1);
  layout->addWidget(buttons);
  resize(520, 640);
  retranslateUi();
}

void BrokerSettingsDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QDialog::changeEvent(event);
}

void BrokerSettingsDialog::retranslateUi() {
  setWindowTitle(tr("Broker settings"));
  m_clientId->setPlaceholderText(tr("automatic (edgewise-<random>)"));
  m_password->setToolTip(tr("Kept for this session only, never saved to disk"));
  m_cleanSession->setText(tr("Clean session"));
  m_cleanSession->setToolTip(
      tr("Off: the broker keeps the subscriptions and queues QoS 1/2 messages while away"));
  m_keepAlive->setSuffix(tr(" s"));
  m_autoReconnect->setText(tr("Reconnect automatically"));
  m_connectionBox->setTitle(tr("Connection"));
  const auto setLabel = [](QFormLayout* form, QWidget* field, const QString& text) {
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(field))) label->setText(text);
  };
  setLabel(m_form, m_host, tr("Host:"));
  setLabel(m_form, m_port, tr("Port:"));
  setLabel(m_form, m_clientId, tr("Client id:"));
  setLabel(m_form, m_user, tr("User name:"));
  setLabel(m_form, m_password, tr("Password:"));
  setLabel(m_form, m_keepAlive, tr("Keep-alive:"));
  m_tlsBox->setTitle(tr("TLS"));
  setLabel(m_tlsForm, m_caFile, tr("CA file:"));
  setLabel(m_tlsForm, m_certFile, tr("Client certificate:"));
  setLabel(m_tlsForm, m_keyFile, tr("Client key:"));
  for (QAction* action : m_fileActions) action->setToolTip(tr("Choose a file"));
  m_subscriptionsBox->setTitle(tr("Subscriptions"));
  m_subscriptions->setHorizontalHeaderLabels({tr("Topic filter"), tr("QoS")});
  m_add->setText(tr("Add"));
  m_remove->setText(tr("Remove"));
}

QLineEdit* BrokerSettingsDialog::fileField(QLineEdit* edit, const char* caption) {
  // Returns a container-less composite: the edit with a "..." action that opens a picker.
  auto* action =
      edit->addAction(style()->standardIcon(QStyle::SP_DirOpenIcon), QLineEdit::TrailingPosition);
  m_fileActions.push_back(action);
  connect(action, &QAction::triggered, this, [this, edit, caption] {
    const QString file = QFileDialog::getOpenFileName(
        this, tr(caption), edit->text(),
        tr("Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)"));
    if (!file.isEmpty()) edit->setText(file);
  });
  return edit;
}

void BrokerSettingsDialog::addSubscriptionRow(const QString& filter, int qos) {
  const int row = m_subscriptions->rowCount();
  m_subscriptions->insertRow(row);
  m_subscriptions->setItem(row, 0, new QTableWidgetItem(filter));
  auto* qosBox = new QComboBox(m_subscriptions);
  qosBox->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
  qosBox->setCurrentIndex(std::clamp(qos, 0, 2));
  m_subscriptions->setCellWidget(row, 1, qosBox);
}

ConnectionProfile BrokerSettingsDialog::profile() const {
  ConnectionProfile p = m_original;
  auto& b = p.broker;
  b.host = m_host->text().trimmed().toStdString();
  b.port = m_port->value();
  b.clientId = m_clientId->text().trimmed().toStdString();
  b.username = m_user->text().toStdString();
  b.password = m_password->text().toStdString();
  b.tls = m_tls->isChecked();
  b.caFile = m_caFile->text().trimmed().toStdString();
  b.clientCertFile = m_certFile->text().trimmed().toStdString();
  b.clientKeyFile = m_keyFile->text().trimmed().toStdString();
  b.cleanSession = m_cleanSession->isChecked();
  b.keepAliveSeconds = m_keepAlive->value();
  b.autoReconnect = m_autoReconnect->isChecked();
  p.subscriptions.clear();
  for (int row = 0; row < m_subscriptions->rowCount(); ++row) {
    const QTableWidgetItem* item = m_subscriptions->item(row, 0);
    const QString filter = item ? item->text().trimmed() : QString();
    if (filter.isEmpty()) continue;
    const auto* qosBox = qobject_cast<QComboBox*>(m_subscriptions->cellWidget(row, 1));
    p.subscriptions.push_back({filter.toStdString(), qosBox ? qosBox->currentIndex() : 1});
  }
  return p;
}

}  // namespace edgewise::gui
