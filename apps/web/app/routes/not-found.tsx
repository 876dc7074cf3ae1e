import { notFound } from '../api/load';

export function loader(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
