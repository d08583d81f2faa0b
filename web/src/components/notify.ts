/** Toast notifications with a translated, labelled close button. */
import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.ts';

const show = (message: string, color: string) =>
  notifications.show({ message, color, closeButtonProps: { 'aria-label': i18n.t('common.close') } });

export const notifySuccess = (message: string): void => {
  show(message, 'teal');
};

export const notifyError = (message: string): void => {
  show(message, 'red');
};
