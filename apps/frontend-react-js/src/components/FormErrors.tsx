interface FormErrorsProps {
  id?: string;
  messages: readonly string[];
}

/** Validation or request errors shown next to a form. */
export const FormErrors = ({ id, messages }: FormErrorsProps) =>
  messages.length === 0 ? null : (
    <ul id={id} className="form_errors" role="alert">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
