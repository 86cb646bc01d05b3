// The on-site questions' public entry. Pages load them lazily: they show only on a sold-out page or after checkout.
import "./site-questions.css";
export { SoldOutQuestion } from "./components/sold-out-question";
export { HeardAboutUsQuestion } from "./components/heard-about-us-question";
