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
        <source>The language "%1" is not available in this build.</source>
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
</TS>
