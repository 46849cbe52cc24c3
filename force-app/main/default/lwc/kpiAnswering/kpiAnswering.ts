import { LightningElement } from 'lwc';
import { AnswerController, NOT_WAITING } from 'c/kpiWaiting';
import type { Waiting } from 'c/kpiWaiting';

/**
 * What every component with its own wire shares (the leaderboard, win-loss and what comes after them): the answers it
 * waits for (c/kpiWaiting's AnswerController: refresh, retry and "taking long"), tracked from the moment it is on the
 * page until it leaves it. A component says what it waits for (`waitKey`) and hands each wire result to
 * `answers.receive`. No template: a base class, not a component to place.
 */
export default class KpiAnswering extends LightningElement {
    /** Refresh, retry and "taking long": shown as they are, kept by `answers`. */
    waiting: Waiting = NOT_WAITING;

    protected readonly answers = new AnswerController((waiting) => {
        this.waiting = waiting;
    });

    /**
     * What the component waits for: the document asked and not answered yet, or the refresh in progress. Each
     * component says (not abstract: lightning/navigation's mixin takes a class it can construct).
     */
    get waitKey(): string | undefined {
        return undefined;
    }

    override connectedCallback(): void {
        this.answers.track(this.waitKey);
    }

    override renderedCallback(): void {
        this.answers.track(this.waitKey);
    }

    override disconnectedCallback(): void {
        this.answers.stop();
    }
}
