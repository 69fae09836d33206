<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Workbench</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1:%2 min</source>
        <translation>%1:%2 min</translation>
    </message>
    <message>
        <source>%1:%2 h</source>
        <translation>%1:%2 h</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Diesen Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>No jobs yet.
Long work such as exports, training and deployments appears here with its progress and a cancel button.</source>
        <translation>Noch keine Aufträge.
Lange Arbeiten wie Exporte, Trainings und Verteilungen erscheinen hier mit ihrem Fortschritt und einer Schaltfläche zum Abbrechen.</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <source>%1 running, %2 finished</source>
        <translation>%1 laufend, %2 beendet</translation>
    </message>
    <message>
        <source>The recording could not be finished: %1</source>
        <translation>Die Aufzeichnung konnte nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>This build of the workbench does not include the Capture pane. Use edgewise-cli capture to record from a broker.</source>
        <translation>Diese Version der Werkbank enthält den Bereich Erfassung nicht. Nehmen Sie mit edgewise-cli capture von einem Broker auf.</translation>
    </message>
    <message>
        <source>Connect to an MQTT broker and browse its topics</source>
        <translation>Mit einem MQTT-Broker verbinden und seine Topics durchsuchen</translation>
    </message>
    <message>
        <source>Plot live sensor streams</source>
        <translation>Live-Sensordaten als Diagramm anzeigen</translation>
    </message>
    <message>
        <source>Record streams into the project</source>
        <translation>Datenströme im Projekt aufzeichnen</translation>
    </message>
    <message>
        <source>Labeling</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Labeling arrives with the labeling and active-learning capability.</source>
        <translation>Die Beschriftung kommt mit der Funktion für Beschriftung und aktives Lernen.</translation>
    </message>
    <message>
        <source>Label segments of recordings against a label schema</source>
        <translation>Abschnitte von Aufzeichnungen nach einem Label-Schema beschriften</translation>
    </message>
    <message>
        <source>Let active learning pick the most informative windows</source>
        <translation>Aktives Lernen die aussagekräftigsten Fenster auswählen lassen</translation>
    </message>
    <message>
        <source>Measure agreement between annotators</source>
        <translation>Übereinstimmung zwischen Annotierenden messen</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Training arrives with the model training capability.</source>
        <translation>Das Training kommt mit der Funktion zum Trainieren von Modellen.</translation>
    </message>
    <message>
        <source>Train neural networks and classic models on labeled windows</source>
        <translation>Neuronale Netze und klassische Modelle auf beschrifteten Fenstern trainieren</translation>
    </message>
    <message>
        <source>Compare runs by their metrics and confusion matrices</source>
        <translation>Läufe anhand ihrer Metriken und Konfusionsmatrizen vergleichen</translation>
    </message>
    <message>
        <source>Keep the lineage from data to model</source>
        <translation>Die Herkunft von den Daten bis zum Modell festhalten</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Komprimierung</translation>
    </message>
    <message>
        <source>Compression arrives with the model compression capability.</source>
        <translation>Die Komprimierung kommt mit der Funktion zum Komprimieren von Modellen.</translation>
    </message>
    <message>
        <source>Prune, quantize and distill trained models</source>
        <translation>Trainierte Modelle ausdünnen, quantisieren und destillieren</translation>
    </message>
    <message>
        <source>Trade accuracy against size and latency</source>
        <translation>Genauigkeit gegen Größe und Latenz abwägen</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Fleet arrives with the device registry and deployment capability.</source>
        <translation>Die Flotte kommt mit der Funktion für Geräteverwaltung und Verteilung.</translation>
    </message>
    <message>
        <source>See every device, its model and its health</source>
        <translation>Jedes Gerät, sein Modell und seinen Zustand sehen</translation>
    </message>
    <message>
        <source>Deploy signed models with one click and roll back</source>
        <translation>Signierte Modelle mit einem Klick verteilen und zurücknehmen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Audit arrives with the drift, robustness and latency capability.</source>
        <translation>Die Prüfung kommt mit der Funktion für Drift, Robustheit und Latenz.</translation>
    </message>
    <message>
        <source>Detect drift in what devices see</source>
        <translation>Drift in den Daten der Geräte erkennen</translation>
    </message>
    <message>
        <source>Test robustness against adversarial inputs</source>
        <translation>Robustheit gegen gezielt manipulierte Eingaben testen</translation>
    </message>
    <message>
        <source>Follow latency on each device</source>
        <translation>Die Latenz auf jedem Gerät verfolgen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>A workbench for machine learning on IoT devices: capture, label, train, compress, deploy and audit.</source>
        <translation>Eine Werkbank für maschinelles Lernen auf IoT-Geräten: erfassen, beschriften, trainieren, komprimieren, verteilen und prüfen.</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Erstellt mit</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>What it will do</source>
        <translation>Was hier kommt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; is not available in this build.</source>
        <translation>Die Sprache „%1“ ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Edgewise could not open %1.</source>
        <translation>Edgewise konnte %1 nicht öffnen.</translation>
    </message>
    <message>
        <source>%1 stays open.</source>
        <translation>%1 bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Could Not Open Project</source>
        <translation>Projekt konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Project Not Found</source>
        <translation>Projekt nicht gefunden</translation>
    </message>
    <message>
        <source>%1 no longer exists. It was removed from the list of recent projects.</source>
        <translation>%1 existiert nicht mehr und wurde aus der Liste der zuletzt verwendeten Projekte entfernt.</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Edgewise projects (*.%1)</source>
        <translation>Edgewise-Projekte (*.%1)</translation>
    </message>
    <message>
        <source>%1 is the project that is open now. Choose another file name.</source>
        <translation>%1 ist das gerade geöffnete Projekt. Wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Edgewise</source>
        <translation>Über Edgewise</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>The open project file</source>
        <translation>Die geöffnete Projektdatei</translation>
    </message>
    <message>
        <source>Broker: not connected</source>
        <translation>Broker: nicht verbunden</translation>
    </message>
    <message>
        <source>Broker: connecting to %1</source>
        <translation>Broker: verbinde mit %1</translation>
    </message>
    <message>
        <source>Broker: connected to %1</source>
        <translation>Broker: verbunden mit %1</translation>
    </message>
    <message>
        <source>Broker: reconnecting to %1</source>
        <translation>Broker: verbinde erneut mit %1</translation>
    </message>
    <message>
        <source>Broker: connection to %1 failed</source>
        <translation>Broker: Verbindung zu %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Reset Layout</source>
        <translation>Anordnung zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Edgewise</source>
        <translation>Ü&amp;ber Edgewise</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::BrokerSettingsDialog</name>
    <message>
        <source>Broker settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic (edgewise-&lt;random&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for this session only, never saved to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the broker keeps the subscriptions and queues QoS 1/2 messages while away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QoS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CaptureFormat</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1 s</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished">Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CapturePane</name>
    <message>
        <source>Capture</source>
        <translation type="unfinished">Erfassung</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the current recording first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConnectionBar</name>
    <message>
        <source>Broker address: tcp://, mqtt://, ssl:// or mqtts://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid broker URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not subscribe to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LivePlotWidget</name>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One chart for every channel, or one chart per stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1 s</translation>
    </message>
    <message>
        <source>Time window shown while following live data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the view (Space); drag and wheel-zoom to look back through the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoscale Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower bound of the Y axis when autoscale is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper bound of the Y axis when autoscale is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::QuarantineView</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to see its error and payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open: malformed payloads are counted (%1 this session) but not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 malformed payloads kept in the project, %2 decode errors this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the quarantine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingPanel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All subscribed topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record every subscribed topic, or only those ticked in the topic tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected recording (F2 or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project first: recordings are stored in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No topic is checked in the topic tree: tick the topics to record, or choose &quot;All subscribed topics&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stopped with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot;: %2 samples in %3 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● %1   %2 samples   %3 messages   %4 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project to record (File menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop recording (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recording (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished">Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Delete recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the recording &quot;%1&quot; and all its samples? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingsModel</name>
    <message>
        <source>Could not list the recordings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recording needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename the recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application stopped while recording; everything committed before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ThumbnailStrip</name>
    <message>
        <source>No camera streams yet: image payloads (JPEG/PNG) appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest frame could not be decoded (%1, %2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2×%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicBrowser</name>
    <message>
        <source>Filter topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 topics, %2 messages, %3 decode errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: decoder chosen automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: decoded as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder layout for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ax, ay, az (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy topic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicTreeModel</name>
    <message>
        <source>Last decode error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
