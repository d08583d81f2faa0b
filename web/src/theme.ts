/**
 * The Mantine theme, tuned for WCAG AA contrast: filled components use shade 9, the text of light,
 * subtle and outline variants (badges, alerts, active navigation) is darker than Mantine's default,
 * and so are "dimmed" text and field error text.
 */
import { DEFAULT_THEME, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 9, dark: 4 },
  defaultRadius: 'sm',
  focusRing: 'auto',
});

/**
 * Text on Mantine 9's light backgrounds (shade 1, shade 2 on hover) needs more than shade 9 gives:
 * shade 9 darkened by 35 % (50 % for the pale yellows and oranges) keeps AA contrast on both.
 */
const PALE = new Set(['yellow', 'orange', 'lime', 'cyan']);

const textColors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).flatMap(([color, shades]) => {
    const value = darken(shades[9], PALE.has(color) ? 0.5 : 0.35);
    return [
      [`--mantine-color-${color}-light-color`, value],
      [`--mantine-color-${color}-outline`, value],
    ];
  }),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...textColors,
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Field error text: Mantine's red-6 fails AA on white; shade 9 passes.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
