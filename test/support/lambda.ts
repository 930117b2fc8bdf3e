/** Tests invoke handlers with the same context `npm start` uses. */
export { invocationContext as lambdaContext } from '../../local/invocation-context';
