// ESLint 9 flat config: Salesforce's LWC rules for the components, typescript-eslint for all TypeScript.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const componentFiles = ['force-app/**/*.ts', 'sample-app/**/*.ts'];
const toolingFiles = ['scripts/**/*.ts', 'bench/**/*.ts', 'schema/**/*.ts', 'preview/**/*.ts', 'jest.setup.ts'];

// Salesforce's configs parse with Babel; TypeScript sources are parsed by typescript-eslint instead.
const scopeToComponents = (config) => ({
    ...config,
    files: componentFiles,
    languageOptions: { ...config.languageOptions, parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
});

module.exports = [
    {
        ignores: [
            'node_modules/',
            'coverage/',
            'dist/',
            'artifacts/',
            '.sf/',
            '.sfdx/',
            // JavaScript built from TypeScript and the bundled Chart.js resource
            'force-app/**/lwc/**/*.js',
            'force-app/main/default/staticresources/**',
            'preview/**/dist/**',
        ],
    },
    ...lwcConfig.configs.recommended.map(scopeToComponents),
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: [...componentFiles, ...toolingFiles] })),
    {
        files: componentFiles,
        rules: {
            // Types are checked by tsc; the import plugin cannot resolve the platform's c/ and lightning/ modules.
            'import/no-unresolved': 'off',
            'import/named': 'off',
            'import/namespace': 'off',
            'import/default': 'off',
            'import/no-named-as-default': 'off',
            'import/no-named-as-default-member': 'off',
            'import/export': 'off',
            'no-undef': 'off',
            'no-unused-vars': 'off',
            // tsc checks these with noImplicitReturns and exhaustive union types.
            'consistent-return': 'off',
            'default-case': 'off',
            // Prettier decides arrow-body parentheses.
            'no-confusing-arrow': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
        },
    },
    {
        files: toolingFiles,
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            '@typescript-eslint/no-require-imports': 'off',
        },
    },
    {
        files: ['*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
];
