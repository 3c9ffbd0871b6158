package org.accesscentre.bench.app;

import org.accesscentre.app.flow.QuestionViewModel;
import org.accesscentre.core.answer.Answer;
import org.jspecify.annotations.Nullable;

/** An answer put into a question's draft the way its control would put it there; none leaves it blank. */
final class AnswerEntry {
    private AnswerEntry() {}

    static void enter(QuestionViewModel q, @Nullable Answer answer) {
        switch (answer) {
            case null -> {} // an optional question the citizen skips
            case Answer.Text t -> q.textProperty().set(t.value());
            case Answer.Number n ->
                q.textProperty().set(n.value().toPlainString().replace('.', q.decimalSeparator()));
            case Answer.Day d -> {
                q.dayProperty().set(Integer.toString(d.value().getDayOfMonth()));
                q.monthProperty().set(Integer.toString(d.value().getMonthValue()));
                q.yearProperty().set(Integer.toString(d.value().getYear()));
            }
            case Answer.Choice c -> q.choiceProperty().set(c.value());
            case Answer.Choices c -> q.choices().setAll(c.values());
            case Answer.YesNo y -> q.flagProperty().set(y.value());
            case Answer.Signature s -> q.strokes().setAll(s.strokes());
        }
    }
}
