<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EvidenceIntake</name>
    <message numerus="yes">
        <location filename="../../casefile/ui/evidence/intake.py" line="+241"/>
        <source>Taking in %n file(s)</source>
        <translation>
            <numerusform>Taking in %n file</numerusform>
            <numerusform>Taking in %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <location line="+5"/>
        <source>Take in %n file(s)</source>
        <translation>
            <numerusform>Take in %n file</numerusform>
            <numerusform>Take in %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message numerus="yes">
        <location filename="../../casefile/ui/dialogs/exchange.py" line="+291"/>
        <source>%n value(s) were changed differently on another copy. Nothing was overwritten: choose the value to keep.</source>
        <translation>
            <numerusform>%n value was changed differently on another copy. Nothing was overwritten: choose the value to keep.</numerusform>
            <numerusform>%n values were changed differently on another copy. Nothing was overwritten: choose the value to keep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceReader</name>
    <message numerus="yes">
        <location filename="../../casefile/ui/editors/source_reader.py" line="+184"/>
        <source>%n claim(s) quoted from this text (highlighted).</source>
        <translation>
            <numerusform>%n claim quoted from this text (highlighted).</numerusform>
            <numerusform>%n claims quoted from this text (highlighted).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n mention(s) of the case&apos;s actors and places (underlined; Ctrl+Shift+M links one).</source>
        <translation>
            <numerusform>%n mention of the case&apos;s actors and places (underlined; Ctrl+Shift+M links it).</numerusform>
            <numerusform>%n mentions of the case&apos;s actors and places (underlined; Ctrl+Shift+M links one).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+287"/>
        <source>%n claim(s) quote this text by position; their highlights may no longer match.</source>
        <translation>
            <numerusform>%n claim quotes this text by position; its highlight may no longer match.</numerusform>
            <numerusform>%n claims quote this text by position; their highlights may no longer match.</numerusform>
        </translation>
    </message>
</context>
</TS>
