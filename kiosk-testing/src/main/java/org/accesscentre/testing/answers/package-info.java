/**
 * How {@link org.accesscentre.testing.RealisticAnswers} fills in a form: {@link FormFiller} walks the questions
 * as the kiosk shows them and asks one generator per kind of answer (text, numbers and money, dates, choices,
 * signatures) for a candidate the validator accepts. The generators draw on Saint Lucian names, places, phone
 * numbers and phrases, read what a question is about from its id and label, keep later answers consistent with
 * earlier ones, and sample a question's pattern when nothing else fits. Everything comes from one
 * {@link java.util.Random}, in a fixed order, so a seed always gives the same answers.
 */
@NullMarked
package org.accesscentre.testing.answers;

import org.jspecify.annotations.NullMarked;
