<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>edgewise::gui::ConfusionMatrixWidget</name>
    <message numerus="yes">
        <source>True %1, predicted %2: %n sample(s). Click to list them.</source>
        <translation>
            <numerusform>True %1, predicted %2: %n sample. Click to list it.</numerusform>
            <numerusform>True %1, predicted %2: %n samples. Click to list them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ImportDatasetDialog</name>
    <message numerus="yes">
        <source>Writing %n samples</source>
        <translation>
            <numerusform>Writing %n sample</numerusform>
            <numerusform>Writing %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n samples</source>
        <translation>
            <numerusform>Imported %1: %n sample</numerusform>
            <numerusform>Imported %1: %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rejected</source>
        <translation>
            <numerusform>, %n rejected</numerusform>
            <numerusform>, %n rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TrainingPane</name>
    <message numerus="yes">
        <source>%n feature(s) per row</source>
        <translation>
            <numerusform>%n feature per row</numerusform>
            <numerusform>%n features per row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searching %1 on %2 (%3, %4 s, at most %n trial(s))...</source>
        <translation>
            <numerusform>Searching %1 on %2 (%3, %4 s, at most %n trial)...</numerusform>
            <numerusform>Searching %1 on %2 (%3, %4 s, at most %n trials)...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searched %n trial(s) in %1 s; best validation accuracy %2, test accuracy %3% (%4)</source>
        <translation>
            <numerusform>Searched %n trial in %1 s; best validation accuracy %2, test accuracy %3% (%4)</numerusform>
            <numerusform>Searched %n trials in %1 s; best validation accuracy %2, test accuracy %3% (%4)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 classified correctly</source>
        <translation>
            <numerusform>%n test sample of class %1 classified correctly</numerusform>
            <numerusform>%n test samples of class %1 classified correctly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 predicted as %2</source>
        <translation>
            <numerusform>%n test sample of class %1 predicted as %2</numerusform>
            <numerusform>%n test samples of class %1 predicted as %2</numerusform>
        </translation>
    </message>
</context>
</TS>
