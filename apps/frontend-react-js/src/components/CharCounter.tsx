interface CharCounterProps {
  id: string;
  count: number;
  max: number;
}

/** "n/max", turning red once the text is over the limit. */
export const CharCounter = ({ id, count, max }: CharCounterProps) => (
  <span id={id} className={count > max ? 'char_counter over' : 'char_counter'} data-over={count > max}>
    {count}/{max}
  </span>
);
