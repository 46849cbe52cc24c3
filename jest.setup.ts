// Accessibility matcher (toBeAccessible) and a canvas for Chart.js in jsdom.
import { registerSa11yMatcher } from '@sa11y/jest';
import 'jest-canvas-mock';

registerSa11yMatcher();
