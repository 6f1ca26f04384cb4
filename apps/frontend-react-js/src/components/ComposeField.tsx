import { charCount } from '@cruddur/api-contract';
import { useId } from 'react';
import { CharCounter } from './CharCounter';
import './ComposeField.css';

interface ComposeFieldProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  maxChars: number;
  /** Id of the form's error list, so the textarea announces it. */
  errorsId: string;
  rows?: number;
}

/** The textarea every composer shares: hidden label, live character counter, over-limit state. */
export const ComposeField = ({
  label,
  placeholder,
  value,
  onChange,
  maxChars,
  errorsId,
  rows = 4,
}: ComposeFieldProps) => {
  const id = useId();
  const count = charCount(value);
  const over = count > maxChars;

  return (
    <div className="compose_field">
      <label htmlFor={`${id}-text`} className="sr-only">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        rows={rows}
        placeholder={placeholder}
        value={value}
        aria-invalid={over}
        aria-describedby={`${id}-count ${errorsId}`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <CharCounter id={`${id}-count`} count={count} max={maxChars} />
    </div>
  );
};
