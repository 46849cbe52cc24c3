// Accessibility matcher (toBeAccessible), GraphQL text matcher (toContainGraphql) and a canvas for Chart.js in jsdom.
import { registerSa11yMatcher } from '@sa11y/jest';
import 'jest-canvas-mock';
import { graphqlMatchers } from './force-app/test/jest/graphqlText';

registerSa11yMatcher();
expect.extend(graphqlMatchers);
