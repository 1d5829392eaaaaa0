#include "codeeditor.h"

#include <Qsci/qscilexer.h>

#include <QFontDatabase>
#include <QHelpEvent>
#include <QInputDialog>
#include <QToolTip>

#include <algorithm>

namespace retort {

namespace {

QColor mixed(const QColor &a, const QColor &b, qreal ratio)
{
    return QColor::fromRgbF(float(a.redF() * (1 - ratio) + b.redF() * ratio),
                            float(a.greenF() * (1 - ratio) + b.greenF() * ratio),
                            float(a.blueF() * (1 - ratio) + b.blueF() * ratio));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

/// A lexer colour made for a white paper, moved to read well on a dark one: same hue, lightness
/// mirrored and kept above a floor.
QColor forDarkPaper(const QColor &colour)
{
    float h = 0, s = 0, l = 0, a = 0;
    colour.getHslF(&h, &s, &l, &a);
    return QColor::fromHslF(h, s, std::max(0.62f, 1.0f - l), a);
}

int markerFor(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return CodeEditor::ErrorMarker;
    case Diagnostic::Severity::Warning:
        return CodeEditor::WarningMarker;
    case Diagnostic::Severity::Info:
        break;
    }
    return CodeEditor::InfoMarker;
}

int indicatorFor(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return CodeEditor::ErrorIndicator;
    case Diagnostic::Severity::Warning:
        return CodeEditor::WarningIndicator;
    case Diagnostic::Severity::Info:
        break;
    }
    return CodeEditor::InfoIndicator;
}

int scintillaFlags(CodeEditor::FindFlags flags)
{
    int result = 0;
    if (flags & CodeEditor::MatchCase)
        result |= QsciScintillaBase::SCFIND_MATCHCASE;
    if (flags & CodeEditor::WholeWord)
        result |= QsciScintillaBase::SCFIND_WHOLEWORD;
    if (flags & CodeEditor::RegularExpression)
        result |= QsciScintillaBase::SCFIND_REGEXP | QsciScintillaBase::SCFIND_CXX11REGEX;
    return result;
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(m_font);
    setMarginsFont(m_font);

    setMarginType(LineNumberMargin, NumberMargin);
    setMarginLineNumbers(LineNumberMargin, true);
    setMarginMarkerMask(LineNumberMargin, 0);
    setMarginType(DiagnosticMargin, SymbolMargin);
    setMarginWidth(DiagnosticMargin, QFontMetrics(m_font).height());
    setMarginMarkerMask(DiagnosticMargin, (1 << ErrorMarker) | (1 << WarningMarker) | (1 << InfoMarker));
    setFolding(BoxedTreeFoldStyle, FoldMargin);

    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setIndentationGuides(true);
    setBackspaceUnindents(true);
    setScrollWidth(1);
    setScrollWidthTracking(true);

    markerDefine(Circle, ErrorMarker);
    markerDefine(Circle, WarningMarker);
    markerDefine(Circle, InfoMarker);
    indicatorDefine(SquiggleLowIndicator, ErrorIndicator);
    indicatorDefine(SquiggleLowIndicator, WarningIndicator);
    indicatorDefine(DotsIndicator, InfoIndicator);
    indicatorDefine(RoundBoxIndicator, FindIndicator);

    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberMarginWidth);
    applyColours();
    updateLineNumberMarginWidth();
}

void CodeEditor::setLexer(QsciLexer *lexer)
{
    QsciScintilla::setLexer(lexer);
    if (lexer) {
        // The lexer's own fonts vary per style (some pick proportional ones): use the editor's
        // monospace font everywhere and keep only the lexer's bold and italic.
        for (int style = 0; style < 128; ++style) {
            if (lexer->description(style).isEmpty())
                continue;
            QFont font = m_font;
            const QFont preferred = lexer->defaultFont(style);
            font.setBold(preferred.bold());
            font.setItalic(preferred.italic());
            lexer->setFont(font, style);
        }
        lexer->setDefaultFont(m_font);
    }
    setMarginsFont(m_font);
    applyColours();
    m_lineNumberDigits = 0;
    updateLineNumberMarginWidth();
}

void CodeEditor::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    const long length = SendScintilla(SCI_GETLENGTH);
    for (int indicator : {ErrorIndicator, WarningIndicator, InfoIndicator}) {
        SendScintilla(SCI_SETINDICATORCURRENT, indicator);
        SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, length);
    }
    for (int marker : {ErrorMarker, WarningMarker, InfoMarker})
        markerDeleteAll(marker);
    m_diagnostics.clear();

    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.line <= 0)
            continue;
        const int line = std::min(diagnostic.line, lines()) - 1;
        const int handle = markerAdd(line, markerFor(diagnostic.severity));
        m_diagnostics.append({handle, diagnostic.severity, diagnostic.message});

        const long start = SendScintilla(SCI_GETLINEINDENTPOSITION, line);
        const long end = SendScintilla(SCI_GETLINEENDPOSITION, line);
        if (end > start) {
            SendScintilla(SCI_SETINDICATORCURRENT, indicatorFor(diagnostic.severity));
            SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(start), end - start);
        }
    }
}

QStringList CodeEditor::diagnosticMessagesAt(int line) const
{
    QList<MarkedDiagnostic> here;
    for (const MarkedDiagnostic &marked : m_diagnostics) {
        if (markerLine(marked.handle) == line - 1)
            here.append(marked);
    }
    std::stable_sort(here.begin(), here.end(), [](const MarkedDiagnostic &a, const MarkedDiagnostic &b) {
        return int(a.severity) < int(b.severity);
    });
    QStringList messages;
    for (const MarkedDiagnostic &marked : here)
        messages.append(marked.message);
    return messages;
}

QList<int> CodeEditor::diagnosticLines(Diagnostic::Severity severity) const
{
    QList<int> result;
    for (const MarkedDiagnostic &marked : m_diagnostics) {
        const int line = markerLine(marked.handle);
        if (marked.severity == severity && line >= 0)
            result.append(line + 1);
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

CodeEditor::Match CodeEditor::searchRange(const QByteArray &pattern, int flags, long from, long to) const
{
    SendScintilla(SCI_SETTARGETRANGE, static_cast<unsigned long>(from), to);
    SendScintilla(SCI_SETSEARCHFLAGS, flags);
    const long found = SendScintilla(SCI_SEARCHINTARGET, static_cast<uintptr_t>(pattern.size()), pattern.constData());
    if (found < 0)
        return {}; // -1: no match, -2: invalid regular expression
    return {SendScintilla(SCI_GETTARGETSTART), SendScintilla(SCI_GETTARGETEND)};
}

CodeEditor::Match CodeEditor::findFrom(const QString &text, FindFlags flags, long position, bool forward) const
{
    if (text.isEmpty())
        return {};
    const QByteArray pattern = text.toUtf8();
    const int sciFlags = scintillaFlags(flags);
    const long length = SendScintilla(SCI_GETLENGTH);
    Match match = forward ? searchRange(pattern, sciFlags, position, length) : searchRange(pattern, sciFlags, position, 0);
    if (match.start < 0) // wrap around
        match = forward ? searchRange(pattern, sciFlags, 0, length) : searchRange(pattern, sciFlags, length, 0);
    return match;
}

bool CodeEditor::find(const QString &text, FindFlags flags, bool forward)
{
    const long from = SendScintilla(forward ? SCI_GETSELECTIONEND : SCI_GETSELECTIONSTART);
    Match match = findFrom(text, flags, from, forward);
    if (forward && match.start >= 0 && match.start == match.end && match.start == from) {
        // an empty match where we stand (e.g. "^"): step over it, or we would never move
        match = findFrom(text, flags, SendScintilla(SCI_POSITIONAFTER, from), forward);
    }
    if (match.start < 0)
        return false;
    ensureLineVisible(int(SendScintilla(SCI_LINEFROMPOSITION, match.start)));
    SendScintilla(SCI_SETSEL, static_cast<unsigned long>(match.start), match.end);
    return true;
}

bool CodeEditor::findIncremental(const QString &text, FindFlags flags)
{
    const long from = SendScintilla(SCI_GETSELECTIONSTART);
    SendScintilla(SCI_SETSEL, static_cast<unsigned long>(from), from);
    return find(text, flags, true);
}

bool CodeEditor::replaceCurrent(const QString &text, const QString &replacement, FindFlags flags)
{
    if (text.isEmpty() || isReadOnly())
        return false;
    const long start = SendScintilla(SCI_GETSELECTIONSTART);
    const long end = SendScintilla(SCI_GETSELECTIONEND);
    bool replaced = false;
    if (start != end) {
        const Match match = searchRange(text.toUtf8(), scintillaFlags(flags), start, end);
        if (match.start == start && match.end == end) {
            const QByteArray with = replacement.toUtf8();
            SendScintilla((flags & RegularExpression) ? SCI_REPLACETARGETRE : SCI_REPLACETARGET,
                          static_cast<uintptr_t>(with.size()), with.constData());
            const long after = SendScintilla(SCI_GETTARGETEND);
            SendScintilla(SCI_SETSEL, static_cast<unsigned long>(after), after);
            replaced = true;
        }
    }
    find(text, flags, true);
    return replaced;
}

int CodeEditor::replaceAll(const QString &text, const QString &replacement, FindFlags flags)
{
    if (text.isEmpty() || isReadOnly())
        return 0;
    const QByteArray pattern = text.toUtf8();
    const QByteArray with = replacement.toUtf8();
    const int sciFlags = scintillaFlags(flags);
    const unsigned int replaceMessage = (flags & RegularExpression) ? SCI_REPLACETARGETRE : SCI_REPLACETARGET;
    int count = 0;
    long position = 0;
    beginUndoAction();
    while (position <= SendScintilla(SCI_GETLENGTH)) {
        const Match match = searchRange(pattern, sciFlags, position, SendScintilla(SCI_GETLENGTH));
        if (match.start < 0)
            break;
        SendScintilla(replaceMessage, static_cast<uintptr_t>(with.size()), with.constData());
        ++count;
        const long after = SendScintilla(SCI_GETTARGETEND);
        if (match.start == match.end) { // empty match: step over one character
            if (after >= SendScintilla(SCI_GETLENGTH))
                break;
            position = SendScintilla(SCI_POSITIONAFTER, after);
        } else {
            position = after;
        }
    }
    endUndoAction();
    return count;
}

int CodeEditor::highlightMatches(const QString &text, FindFlags flags)
{
    clearMatchHighlights();
    if (text.isEmpty())
        return 0;
    const QByteArray pattern = text.toUtf8();
    const int sciFlags = scintillaFlags(flags);
    const long length = SendScintilla(SCI_GETLENGTH);
    SendScintilla(SCI_SETINDICATORCURRENT, FindIndicator);
    int count = 0;
    long position = 0;
    while (position < length && count < 100000) {
        const Match match = searchRange(pattern, sciFlags, position, length);
        if (match.start < 0)
            break;
        ++count;
        if (match.end > match.start) {
            SendScintilla(SCI_SETINDICATORCURRENT, FindIndicator);
            SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(match.start), match.end - match.start);
            position = match.end;
        } else {
            position = SendScintilla(SCI_POSITIONAFTER, match.end);
        }
    }
    return count;
}

void CodeEditor::clearMatchHighlights()
{
    SendScintilla(SCI_SETINDICATORCURRENT, FindIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, SendScintilla(SCI_GETLENGTH));
}

int CodeEditor::cursorLine() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

void CodeEditor::goToLine(int line)
{
    const int target = std::clamp(line, 1, std::max(1, lines())) - 1;
    ensureLineVisible(target); // unfolds
    setCursorPosition(target, 0);
    // put the line in the upper third when it was off screen, not on the very edge
    const long visible = SendScintilla(SCI_VISIBLEFROMDOCLINE, target);
    const long first = SendScintilla(SCI_GETFIRSTVISIBLELINE);
    const long onScreen = SendScintilla(SCI_LINESONSCREEN);
    if (visible < first || visible >= first + onScreen)
        SendScintilla(SCI_SETFIRSTVISIBLELINE, std::max(0L, visible - onScreen / 3));
    setFocus();
}

void CodeEditor::showGoToLineDialog()
{
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line number (1–%1):").arg(lines()), cursorLine(), 1,
                                          std::max(1, lines()), 1, &ok);
    if (ok)
        goToLine(line);
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const long position = SendScintilla(SCI_POSITIONFROMPOINT, static_cast<unsigned long>(help->pos().x()),
                                            static_cast<long>(help->pos().y()));
        const int line = int(SendScintilla(SCI_LINEFROMPOSITION, position));
        const long top = SendScintilla(SCI_POINTYFROMPOSITION, 0UL, SendScintilla(SCI_POSITIONFROMLINE, line));
        const long height = SendScintilla(SCI_TEXTHEIGHT, line);
        const QStringList messages = diagnosticMessagesAt(line + 1);
        if (!messages.isEmpty() && help->pos().y() >= top && help->pos().y() < top + height) {
            QToolTip::showText(help->globalPos(), messages.join(u'\n'), viewport());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QsciScintilla::viewportEvent(event);
}

void CodeEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
}

void CodeEditor::applyColours()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const bool dark = isDark(pal);
    const QColor margin = mixed(base, text, 0.05);

    setPaper(base);
    setColor(text);
    setMarginsBackgroundColor(margin);
    setMarginsForegroundColor(mixed(base, text, 0.5));
    setFoldMarginColors(margin, margin);
    for (int marker = int(SC_MARKNUM_FOLDEREND); marker <= int(SC_MARKNUM_FOLDEROPEN); ++marker) {
        setMarkerForegroundColor(margin, marker);
        setMarkerBackgroundColor(mixed(base, text, 0.45), marker);
    }
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(mixed(base, highlight, dark ? 0.16 : 0.09));
    setSelectionBackgroundColor(mixed(base, highlight, dark ? 0.5 : 0.4));
    resetSelectionForegroundColor(); // keep the lexer's colours inside the selection
    setMatchedBraceBackgroundColor(mixed(base, QColor(0x30, 0xb0, 0x30), 0.3));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceBackgroundColor(base);
    setUnmatchedBraceForegroundColor(QColor(0xe0, 0x20, 0x20));
    setIndentationGuidesBackgroundColor(base);
    setIndentationGuidesForegroundColor(mixed(base, text, 0.2));

    const QColor error = dark ? QColor(0xff, 0x60, 0x60) : QColor(0xd0, 0x20, 0x20);
    const QColor warning = dark ? QColor(0xff, 0xb0, 0x30) : QColor(0xd0, 0x80, 0x00);
    const QColor info = dark ? QColor(0x60, 0xa0, 0xff) : QColor(0x20, 0x70, 0xd0);
    setMarkerBackgroundColor(error, ErrorMarker);
    setMarkerForegroundColor(error.darker(130), ErrorMarker);
    setMarkerBackgroundColor(warning, WarningMarker);
    setMarkerForegroundColor(warning.darker(130), WarningMarker);
    setMarkerBackgroundColor(info, InfoMarker);
    setMarkerForegroundColor(info.darker(130), InfoMarker);
    setIndicatorForegroundColor(error, ErrorIndicator);
    setIndicatorForegroundColor(warning, WarningIndicator);
    setIndicatorForegroundColor(info, InfoIndicator);
    // drawn over the text, translucent, so the selected match (the current one) shows through
    QColor found = dark ? QColor(0xc0, 0x90, 0x00) : QColor(0xff, 0xc0, 0x00);
    found.setAlpha(dark ? 90 : 80);
    setIndicatorForegroundColor(found, FindIndicator);
    found.setAlpha(220);
    setIndicatorOutlineColor(found, FindIndicator);

    applyLexerColours();
}

void CodeEditor::applyLexerColours()
{
    QsciLexer *lex = lexer();
    if (!lex)
        return;
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const bool dark = isDark(pal);
    lex->setDefaultPaper(base);
    lex->setDefaultColor(text);
    for (int style = 0; style < 128; ++style) {
        if (lex->description(style).isEmpty())
            continue;
        QColor colour = lex->defaultColor(style);
        if (style == 0 || colour == Qt::black)
            colour = text;
        else if (dark)
            colour = forDarkPaper(colour);
        lex->setColor(colour, style);

        const QColor paper = lex->defaultPaper(style);
        lex->setPaper(paper == Qt::white ? base : (dark ? mixed(base, paper, 0.3) : paper), style);
    }
}

void CodeEditor::updateLineNumberMarginWidth()
{
    const int digits = int(std::max<qsizetype>(2, QString::number(lines()).size()));
    if (digits == m_lineNumberDigits)
        return;
    m_lineNumberDigits = digits;
    setMarginWidth(LineNumberMargin, QString(digits + 1, u'9')); // one digit of breathing room
}

} // namespace retort
