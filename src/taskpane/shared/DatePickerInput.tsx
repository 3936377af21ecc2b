import { DatePicker, DatePickerProps } from '@fluentui/react-datepicker-compat';

/** The calendar and its positioning are a quarter of the pane's code: DateField loads this part lazily. */
export default function DatePickerInput(props: DatePickerProps) {
  return <DatePicker {...props} />;
}
