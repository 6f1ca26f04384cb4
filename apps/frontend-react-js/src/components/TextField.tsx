import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
}

/** A labelled input with its validation message underneath. */
export const TextField = ({ label, value, onChange, error, type = 'text', autoComplete, inputMode }: TextFieldProps) => {
  const id = useId();
  return (
    <div className="text_field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {error !== undefined && (
        <p id={`${id}-error`} className="field_error">
          {error}
        </p>
      )}
    </div>
  );
};
