#pragma once

#include <QPlainTextEdit>

namespace retort {

/// The Log dock: what Retort did and what went wrong, one timestamped line per event.
class LogView : public QPlainTextEdit
{
    Q_OBJECT

public:
    enum class Level { Info, Warning, Error };

    explicit LogView(QWidget *parent = nullptr);

    void append(Level level, const QString &message);
};

} // namespace retort
