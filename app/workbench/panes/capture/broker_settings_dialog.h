#pragma once
// Every BrokerSettings field plus the subscription list, and their persistence in QSettings
// (never the password: it lives only in memory for the session).

#include <QDialog>
#include <vector>

#include "core/capture/broker_settings.h"
#include "core/capture/capture_session.h"

class QAction;
class QCheckBox;
class QFormLayout;
class QGroupBox;
class QPushButton;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace edgewise::gui {

struct ConnectionProfile {
  capture::BrokerSettings broker;
  std::vector<capture::Subscription> subscriptions{{"#", 1}};

  QString url() const;  // "tcp://host:port" or "ssl://host:port"
  // Takes host, port and TLS from a URL; the other fields stay.
  Result<void> applyUrl(const QString& url);

  static ConnectionProfile load();  // QSettings group "capture/connection"
  void save() const;
};

class BrokerSettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit BrokerSettingsDialog(const ConnectionProfile& profile, QWidget* parent = nullptr);
  ConnectionProfile profile() const;

 private:
  void changeEvent(QEvent* event) override;
  void retranslateUi();
  void addSubscriptionRow(const QString& filter, int qos);
  QLineEdit* fileField(QLineEdit* edit, const char* caption);  // caption: QT_TR_NOOP

  ConnectionProfile m_original;
  QLineEdit* m_host = nullptr;
  QSpinBox* m_port = nullptr;
  QLineEdit* m_clientId = nullptr;
  QLineEdit* m_user = nullptr;
  QLineEdit* m_password = nullptr;
  QCheckBox* m_tls = nullptr;
  QLineEdit* m_caFile = nullptr;
  QLineEdit* m_certFile = nullptr;
  QLineEdit* m_keyFile = nullptr;
  QCheckBox* m_cleanSession = nullptr;
  QSpinBox* m_keepAlive = nullptr;
  QCheckBox* m_autoReconnect = nullptr;
  QTableWidget* m_subscriptions = nullptr;
  QGroupBox* m_connectionBox = nullptr;
  QGroupBox* m_tlsBox = nullptr;
  QGroupBox* m_subscriptionsBox = nullptr;
  QFormLayout* m_form = nullptr;
  QFormLayout* m_tlsForm = nullptr;
  QPushButton* m_add = nullptr;
  QPushButton* m_remove = nullptr;
  std::vector<QAction*> m_fileActions;
};

}  // namespace edgewise::gui
